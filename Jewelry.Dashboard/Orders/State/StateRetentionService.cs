using Jewelry.Dashboard.Storage;

namespace Jewelry.Dashboard.Orders.State;

/// <summary>Runs <see cref="StateRetention"/> every <see cref="StateRetentionOptions.Interval"/>.</summary>
public sealed class StateRetentionService(
    StateRetention retention,
    TelemetryStoreReadiness readiness,
    TimeProvider timeProvider,
    ILogger<StateRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(retention.Options.Interval, timeProvider);
        do
        {
            try
            {
                var removed = await retention.EnforceAsync(timeProvider.GetUtcNow(), stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("State retention removed {Rows} rows of order state and rollups older than {KeepFor}", removed, retention.Options.KeepFor);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("State retention failed, trying again next interval: {Message}", exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
