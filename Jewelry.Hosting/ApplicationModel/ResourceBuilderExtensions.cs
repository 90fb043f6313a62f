namespace Jewelry.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        AddReference(builder.Resource, source.Resource);
        return builder;
    }

    /// <summary>Injects <c>services__&lt;name&gt;__http__0</c> for each HTTP endpoint.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        AddReference(builder.Resource, source.Resource);
        return builder;
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' cannot wait for itself.");
        }

        if (!builder.Resource.WaitsFor.Contains(dependency.Resource))
        {
            builder.Resource.WaitsFor.Add(dependency.Resource);
        }

        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
        => builder.WithEnvironment(name, ReferenceExpression.Literal(value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint)
        where T : IResourceWithEnvironment
        => builder.WithEnvironment(name, ReferenceExpression.Create($"{endpoint}"));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>The resource is healthy while GET <paramref name="path"/> answers 200.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health")
        where T : IResourceWithHttpHealthCheck
    {
        builder.Resource.HealthCheckPath = path.StartsWith('/') ? path : "/" + path;
        return builder;
    }

    public static IResourceBuilder<T> WithStartupTimeout<T>(this IResourceBuilder<T> builder, TimeSpan timeout)
        where T : Resource
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        builder.Resource.StartupTimeout = timeout;
        return builder;
    }

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name)
        where T : IResourceWithEndpoints
        => new(builder.Resource, name);

    private static void AddReference(IResourceWithEnvironment target, IResource source)
    {
        if (!target.References.Contains(source))
        {
            target.References.Add(source);
        }
    }
}
