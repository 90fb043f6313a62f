using Microsoft.Extensions.Hosting;

namespace Jewelry.Hosting.LocalData;

/// <summary>
/// Removes the throwaway data folder once the AppHost has stopped, and with it every server; also when the host is
/// only disposed (a test's app), since nothing else would remove a folder whose AppHost process still runs.
/// </summary>
internal sealed class LocalDataCleanup(LocalDataDirectory directory, IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(directory.DeleteIfThrowaway);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => directory.DeleteIfThrowaway();
}
