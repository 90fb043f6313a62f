namespace Jewelry.Hosting;

/// <summary>Configures one resource of the application model.</summary>
public interface IResourceBuilder<out T>
    where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}
