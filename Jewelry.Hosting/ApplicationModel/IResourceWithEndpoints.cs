namespace Jewelry.Hosting;

/// <summary>A resource that listens on one or more ports.</summary>
public interface IResourceWithEndpoints : IResource
{
    IReadOnlyList<EndpointAnnotation> Endpoints { get; }
}
