namespace Jewelry.Dashboard.Storage.Retention;

public sealed class RetentionService(
    TelemetryRetention retention,
    TelemetryStoreReadiness readiness,
    RetentionStatus status,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(retention.Options.Interval, timeProvider);
        do
        {
            var now = timeProvider.GetUtcNow();
            try
            {
                var removed = await retention.EnforceAsync(now, stoppingToken);
                status.Record(now, removed);
                if (!removed.IsEmpty)
                {
                    logger.LogInformation(
                        "Retention removed {Traces} traces ({Spans} spans), {Logs} log records, {Points} metric points, {AuditEntries} audit entries",
                        removed.Traces, removed.Spans, removed.Logs, removed.MetricPoints, removed.AuditEntries);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                status.RecordFailure(now, exception.Message);
                logger.LogWarning("Retention failed, trying again next interval: {Message}", exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
