using System.Text;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// Sends the webhook calls the evaluations queued, each receiver on its own loop, so a receiver that fails or hangs holds
/// up only its own calls and never the evaluation. Each call goes through the standard resilience handler (retries with
/// exponential backoff, attempt and total timeouts); one that still fails stays queued, is logged and counted, and is
/// tried again after a delay that doubles. Calls are sent in the order they were queued, so a resolution never comes first.
/// </summary>
public sealed class WebhookDeliveryService(
    AlertStore store,
    AlertCounters counters,
    IHttpClientFactory httpClients,
    TelemetryStoreReadiness readiness,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public const string HttpClientName = "alert-webhooks";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await Task.WhenAll(options.Value.Receivers.Select(receiver => RunAsync(receiver.Key, receiver.Value.Url!, stoppingToken)));
    }

    private async Task RunAsync(string receiver, Uri url, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            try
            {
                var failed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var notification in await store.PendingAsync(receiver, time.GetUtcNow(), BatchSize, stoppingToken))
                {
                    // A failed call keeps its alert's later calls (its resolution) for the retry; other alerts go on.
                    if (!failed.Contains(notification.Fingerprint) && !await DeliverAsync(receiver, url, notification, stoppingToken))
                    {
                        failed.Add(notification.Fingerprint);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Webhook delivery to {Receiver} could not read or update the store: {Message}", receiver, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> DeliverAsync(string receiver, Uri url, PendingNotification notification, CancellationToken stoppingToken)
    {
        string error;
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var content = new StringContent(notification.Payload, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content, stoppingToken);
            if (response.IsSuccessStatusCode)
            {
                await store.MarkDeliveredAsync(notification.Id, time.GetUtcNow(), stoppingToken);
                counters.Delivered(receiver);
                return true;
            }

            error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Connection refused, the resilience handler's timeouts, an open circuit: all mean "not delivered".
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        var retryIn = RedeliveryDelay(notification.Attempts, options.Value);
        await store.MarkFailedAsync(notification.Id, time.GetUtcNow() + retryIn, error, stoppingToken);
        counters.DeliveryFailed(receiver);
        logger.LogWarning(
            "Webhook {Receiver} did not take the {State} notification of alert {Fingerprint} (attempt {Attempt}): {Error}; trying again in {RetryIn}",
            receiver, notification.State, notification.Fingerprint, notification.Attempts + 1, error, retryIn);
        return false;
    }

    /// <summary>After the first failed delivery <see cref="AlertOptions.RedeliveryDelay"/>, doubling, at most <see cref="AlertOptions.MaxRedeliveryDelay"/>.</summary>
    public static TimeSpan RedeliveryDelay(int failedBefore, AlertOptions options)
    {
        var factor = Math.Pow(2, Math.Min(failedBefore, 30));
        var delay = options.RedeliveryDelay.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(delay, options.MaxRedeliveryDelay.TotalMilliseconds));
    }
}
