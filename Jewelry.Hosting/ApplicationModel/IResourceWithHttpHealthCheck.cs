namespace Jewelry.Hosting;

/// <summary>A resource probed with an HTTP GET that must answer 200.</summary>
public interface IResourceWithHttpHealthCheck : IResourceWithEndpoints
{
    string HealthCheckPath { get; set; }

    string HealthCheckEndpointName { get; }
}
