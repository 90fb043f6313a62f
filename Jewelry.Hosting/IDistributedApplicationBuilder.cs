namespace Jewelry.Hosting;

/// <summary>Collects the resources of the application, then builds the <see cref="DistributedApplication"/> that runs them.</summary>
public interface IDistributedApplicationBuilder
{
    DistributedApplicationOptions Options { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    IResourceBuilder<T> CreateResourceBuilder<T>(T resource)
        where T : IResource;

    DistributedApplication Build();
}
