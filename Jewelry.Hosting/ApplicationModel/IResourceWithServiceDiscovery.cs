namespace Jewelry.Hosting;

/// <summary>A service that others find through <c>services__&lt;name&gt;__http__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
