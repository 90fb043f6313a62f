namespace Jewelry.Hosting;

/// <summary>A resource that lives inside another one (a database inside a server) and starts after it.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
