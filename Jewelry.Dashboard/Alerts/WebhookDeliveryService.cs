using System.Text;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// Sends the webhook calls the evaluations queued, each receiver on its own loop and each alert's calls on their own, so a
/// receiver that fails or hangs holds up only its own calls and never the evaluation, and an alert whose call hangs holds
/// up only that alert. Each call goes through the standard resilience handler (retries with exponential backoff, attempt
/// and total timeouts); one that still fails stays queued, is logged and counted, and is tried again after a delay that
/// doubles. An alert's calls are sent in the order they were queued, so its resolution never comes before its firing.
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
    private const int BatchSize = 100;

    /// <summary>Alerts called at once per receiver: a receiver that hangs holds up this many of its alerts' calls, not all.</summary>
    public const int MaxAlertsInFlight = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await Task.WhenAll(options.Value.Receivers.Select(receiver => RunAsync(receiver.Key, receiver.Value.Url!, stoppingToken)));
    }

    private async Task RunAsync(string receiver, Uri url, CancellationToken stoppingToken)
    {
        var inFlight = new Dictionary<string, Task>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            do
            {
                await StartDueCallsAsync(receiver, url, inFlight, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            // The calls in flight see the same cancellation; the store is left consistent when they end.
            await Task.WhenAll(inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task StartDueCallsAsync(string receiver, Uri url, Dictionary<string, Task> inFlight, CancellationToken stoppingToken)
    {
        try
        {
            // Only this loop adds and removes, and only finished calls are removed before the read: an alert whose calls
            // finish during the read stays busy until the next tick, so no call is sent twice.
            foreach (var finished in inFlight.Where(call => call.Value.IsCompleted).ToList())
            {
                inFlight.Remove(finished.Key);
            }

            var busy = inFlight.Keys.ToHashSet(StringComparer.Ordinal);
            var pending = await store.PendingAsync(receiver, time.GetUtcNow(), busy, BatchSize, stoppingToken);
            // An alert tried fewest times first: a receiver that keeps failing an old alert still gets each new one soon.
            var byAlert = pending.GroupBy(notification => notification.Fingerprint, StringComparer.Ordinal).OrderBy(calls => calls.First().Attempts);
            foreach (var alertCalls in byAlert)
            {
                if (inFlight.Count >= MaxAlertsInFlight)
                {
                    break;
                }

                var calls = alertCalls.ToList();
                inFlight[alertCalls.Key] = Task.Run(() => DeliverInOrderAsync(receiver, url, calls, stoppingToken), CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Webhook delivery to {Receiver} could not read the store: {Message}", receiver, exception.Message);
        }
    }

    /// <summary>One alert's calls, oldest first; a failed call keeps the later ones (its resolution) for its retry.</summary>
    private async Task DeliverInOrderAsync(string receiver, Uri url, IReadOnlyList<PendingNotification> calls, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var notification in calls)
            {
                if (!await DeliverAsync(receiver, url, notification, stoppingToken))
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Webhook delivery to {Receiver} could not update the store: {Message}", receiver, exception.Message);
        }
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
