namespace Jewelry.Hosting;

/// <summary>What a resource must wait for: its WaitFor targets and, for a database, its server.</summary>
internal static class DependencyGraph
{
    public static IEnumerable<IResource> DependenciesOf(IResource resource)
    {
        var waitsFor = (resource as Resource)?.WaitsFor ?? [];
        var parent = (resource as IResourceWithParent)?.Parent;
        return (parent is null ? waitsFor : waitsFor.Prepend(parent)).Distinct();
    }

    public static void ThrowIfCyclic(IReadOnlyList<IResource> resources)
    {
        var done = new HashSet<IResource>();
        var path = new List<IResource>();

        void Visit(IResource resource)
        {
            if (path.Contains(resource))
            {
                var cycle = path.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new InvalidOperationException($"Resources wait for each other in a cycle: {string.Join(" -> ", cycle)}.");
            }

            if (!done.Add(resource))
            {
                return;
            }

            path.Add(resource);
            foreach (var dependency in DependenciesOf(resource))
            {
                if (!resources.Contains(dependency))
                {
                    throw new InvalidOperationException($"Resource '{resource.Name}' waits for '{dependency.Name}', which is not part of the application.");
                }

                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var resource in resources)
        {
            Visit(resource);
        }
    }
}
