using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

/// <summary>Evaluates the rules every <c>Dashboard:Alerts:Interval</c> once the store is ready; a failed evaluation is logged and counted, and the next one tries again.</summary>
public sealed class AlertEvaluationService(
    AlertEvaluator evaluator,
    AlertCounters counters,
    TelemetryStoreReadiness readiness,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await evaluator.EvaluateAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                counters.EvaluationFailed(exception.Message);
                logger.LogError(exception, "Alert evaluation failed, trying again in {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
