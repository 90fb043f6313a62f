using System.Diagnostics;
using System.Text;
using Jewelry.Contracts.Topology;
using Jewelry.Messaging.Connection;
using Jewelry.Messaging.Diagnostics;
using Jewelry.Messaging.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Jewelry.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows in order and marks them sent once the broker confirms.
/// A row that fails stays unsent (attempts and last error recorded) and is retried with backoff;
/// later rows wait behind it so status events keep their order.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    ConfirmedPublisher publisher,
    OutboxSignal signal,
    MessagingMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 50;
    private static readonly TimeSpan s_idlePoll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failuresInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            RelayResult result;
            try
            {
                result = await RelayBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex))
            {
                logger.LogWarning("Outbox relay could not read or update the outbox ({Reason}); retrying", ex.Message);
                result = RelayResult.Failed;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay could not read or update the outbox; retrying");
                result = RelayResult.Failed;
            }

            failuresInARow = result == RelayResult.Failed ? failuresInARow + 1 : 0;
            if (result == RelayResult.MoreWaiting)
            {
                continue;
            }

            var wait = failuresInARow > 0
                ? TimeSpan.FromMilliseconds(Math.Min(s_maxBackoff.TotalMilliseconds, 250 * Math.Pow(2, failuresInARow - 1)))
                : s_idlePoll;
            try
            {
                if (failuresInARow > 0)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RelayResult> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // The relay's own queries belong to no order: keep them out of traces. Each publish below
            // gets a span of its own, in the trace of the request that wrote the row.
            using var quiet = SuppressInstrumentationScope.Begin();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // SKIP LOCKED lets several instances of a service relay side by side without sending a row twice.
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY created_at, id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);

            var result = batch.Count == BatchSize ? RelayResult.MoreWaiting : RelayResult.Drained;
            foreach (var row in batch)
            {
                using var publishing = SuppressInstrumentationScope.Begin(false);
                using var activity = MessagingTelemetry.StartPublish(
                    OrderTopology.Exchange, row.RoutingKey, row.Id.ToString(), row.OrderId, row.TraceParent, row.TraceState, row.Baggage, Encoding.UTF8.GetByteCount(row.Payload));
                try
                {
                    await publisher.PublishAsync(ToOutgoing(row, activity), ct);
                    activity?.SetTag(MessagingTelemetry.ConfirmedAttribute, true);
                    row.SentAt = clock.GetUtcNow();
                    metrics.Published.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", row.RoutingKey));
                }
                catch (MessagePublishException ex)
                {
                    row.Attempts++;
                    row.LastError = ex.Message;
                    activity?.SetTag(MessagingTelemetry.ConfirmedAttribute, false);
                    MessagingTelemetry.RecordError(activity, ex, ex.Message);
                    metrics.PublishFailed.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", row.RoutingKey));
                    logger.LogWarning("Outbox message {MessageId} ({MessageType}) for order {OrderId} not published, attempt {Attempts}: {Reason}",
                        row.Id, row.MessageType, row.OrderId, row.Attempts, ex.Message);
                    result = RelayResult.Failed;
                    break;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            metrics.ReportOutboxBacklog(await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null, ct));
            return result;
        }, cancellationToken);
    }

    private static OutgoingMessage ToOutgoing(OutboxMessage row, Activity? publishSpan)
    {
        // The consumer continues from the publish span when there is one, else from the stored context.
        var headers = new Dictionary<string, object?>();
        AddHeader(headers, MessageHeaders.TraceParent, publishSpan?.Id ?? row.TraceParent);
        AddHeader(headers, MessageHeaders.TraceState, publishSpan?.TraceStateString ?? row.TraceState);
        AddHeader(headers, MessageHeaders.Baggage, row.Baggage);
        AddHeader(headers, MessageHeaders.OrderId, row.OrderId?.ToString());
        return new OutgoingMessage(OrderTopology.Exchange, row.RoutingKey, row.Id.ToString(), row.MessageType, Encoding.UTF8.GetBytes(row.Payload), headers);
    }

    private static void AddHeader(Dictionary<string, object?> headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers[name] = Encoding.UTF8.GetBytes(value);
        }
    }

    private enum RelayResult
    {
        Drained,
        MoreWaiting,
        Failed,
    }
}
