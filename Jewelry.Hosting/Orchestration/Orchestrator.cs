using System.Runtime.ExceptionServices;

namespace Jewelry.Hosting;

/// <summary>Starts all resources in dependency order (independent ones in parallel) and stops them in reverse.</summary>
internal sealed class Orchestrator(IReadOnlyList<ResourceRuntime> runtimes)
{
    /// <summary>
    /// Returns when every resource is healthy. On the first failure, stops waiting for the others and
    /// throws it (the root cause, not a resource that failed because its dependency did).
    /// </summary>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        DistributedApplicationException? firstFailure = null;
        var failureLock = new Lock();

        async Task StartOneAsync(ResourceRuntime runtime)
        {
            try
            {
                await runtime.StartAsync(startup.Token).ConfigureAwait(false);
            }
            catch (DistributedApplicationException exception)
            {
                lock (failureLock)
                {
                    if (firstFailure is null or DependencyFailedException && exception is not DependencyFailedException)
                    {
                        firstFailure = exception;
                    }

                    firstFailure ??= exception;
                }

                await startup.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (startup.IsCancellationRequested)
            {
                // Another resource failed, or the caller gave up.
            }
        }

        await Task.WhenAll(runtimes.Select(StartOneAsync)).ConfigureAwait(false);
        if (firstFailure is not null)
        {
            ExceptionDispatchInfo.Throw(firstFailure);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Each resource stops once everything that depends on or refers to it has stopped.</summary>
    public async Task StopAllAsync()
    {
        var stops = new Dictionary<ResourceRuntime, Task>();

        Task StopAfterDependentsAsync(ResourceRuntime runtime)
        {
            if (!stops.TryGetValue(runtime, out var stop))
            {
                stop = StopCoreAsync(runtime);
                stops[runtime] = stop;
            }

            return stop;
        }

        async Task StopCoreAsync(ResourceRuntime runtime)
        {
            var dependents = runtimes.Where(other => DependsOn(other, runtime)).Select(StopAfterDependentsAsync).ToList();
            await Task.WhenAll(dependents).ConfigureAwait(false);
            await runtime.StopAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(runtimes.Select(StopAfterDependentsAsync).ToList()).ConfigureAwait(false);
    }

    private static bool DependsOn(ResourceRuntime dependent, ResourceRuntime dependency) =>
        dependent.Dependencies.Contains(dependency)
        || (dependent.Resource is IResourceWithEnvironment withEnvironment && withEnvironment.References.Contains(dependency.Resource));
}
