using Microsoft.Extensions.Hosting;

namespace Jewelry.Hosting.LocalData;

/// <summary>Removes the throwaway data folder once the AppHost has stopped (and with it every server).</summary>
internal sealed class LocalDataCleanup(LocalDataDirectory directory, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(directory.DeleteIfThrowaway);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
