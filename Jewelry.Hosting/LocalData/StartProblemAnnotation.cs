using Aspire.Hosting.ApplicationModel;

namespace Jewelry.Hosting.LocalData;

/// <summary>Why a local resource could not start, in one line a person can act on; the AppHost's report prints it.</summary>
public sealed class StartProblemAnnotation(string problem) : IResourceAnnotation
{
    public string Problem { get; } = problem;

    /// <summary>Fails the start when <paramref name="problem"/> is set, so Aspire marks the resource FailedToStart.</summary>
    public static void ThrowIfAny(IResource resource, string? problem)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var stale in resource.Annotations.OfType<StartProblemAnnotation>().ToList())
        {
            resource.Annotations.Remove(stale);
        }

        if (problem is not null)
        {
            resource.Annotations.Add(new StartProblemAnnotation(problem));
            throw new MissingPrerequisiteException(problem);
        }
    }
}
