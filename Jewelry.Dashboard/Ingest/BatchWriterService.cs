using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Ingest;

/// <summary>
/// Drains the ingest queue into the database: whatever is queued (up to <see cref="IngestOptions.MaxBatchSize"/>
/// records) goes in one transaction, so batches grow with load. Database outages are retried while the queue
/// absorbs new requests; a record the database refuses is isolated by halving the batch and counted as failed.
/// On shutdown the queue is closed and what it holds is written before the process exits.
/// </summary>
public sealed class BatchWriterService(
    IngestBuffer queue,
    TelemetryWriter writer,
    TelemetryStoreReadiness readiness,
    IngestCounters counters,
    IOptions<IngestOptions> options,
    ILogger<BatchWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(15);
    private readonly int _maxBatchSize = Math.Max(1, options.Value.MaxBatchSize);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteNextBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to the drain below.
        }

        await DrainAsync();
    }

    private async Task DrainAsync()
    {
        queue.Complete();
        using var timeout = new CancellationTokenSource(_drainTimeout);
        try
        {
            await readiness.WaitAsync(timeout.Token);
            while (queue.Reader.TryPeek(out _))
            {
                await WriteNextBatchAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Stopped before the telemetry store took everything queued");
        }

        while (queue.Reader.TryRead(out var lost))
        {
            queue.Dequeued(lost.RecordCount);
            counters.Failed(lost.Signal, lost.RecordCount);
        }
    }

    private async Task WriteNextBatchAsync(CancellationToken cancellationToken)
    {
        var batches = new List<TelemetryBatch>();
        var records = 0;
        while (records < _maxBatchSize && queue.Reader.TryRead(out var batch))
        {
            batches.Add(batch);
            records += batch.RecordCount;
        }

        try
        {
            await WriteWithRetryAsync(batches, cancellationToken);
        }
        finally
        {
            queue.Dequeued(records);
        }
    }

    private async Task WriteWithRetryAsync(List<TelemetryBatch> batches, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                // The write itself is not cancelled: a batch half sent on shutdown would be lost for nothing.
                await writer.WriteAsync(batches, CancellationToken.None);
                foreach (var batch in batches)
                {
                    counters.For(batch.Signal).AddWritten(batch.RecordCount);
                }

                return;
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                logger.LogWarning("Telemetry store unavailable, retrying in {Delay}: {Message}", delay, exception.Message);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Fail(batches, exception);
                    throw;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Refused, not unreachable: find the records at fault and write the rest.
                await IsolateRefusedRecordsAsync(batches, exception, cancellationToken);
                return;
            }
        }
    }

    private async Task IsolateRefusedRecordsAsync(List<TelemetryBatch> batches, Exception exception, CancellationToken cancellationToken)
    {
        if (batches.Count > 1)
        {
            foreach (var batch in batches)
            {
                await WriteWithRetryAsync([batch], cancellationToken);
            }

            return;
        }

        var single = batches[0];
        if (single.RecordCount <= 1)
        {
            Fail(batches, exception);
            return;
        }

        var (first, second) = single.Split();
        await WriteWithRetryAsync([first], cancellationToken);
        await WriteWithRetryAsync([second], cancellationToken);
    }

    private void Fail(List<TelemetryBatch> batches, Exception exception)
    {
        foreach (var batch in batches)
        {
            counters.Failed(batch.Signal, batch.RecordCount);
            logger.LogError(exception, "The telemetry store refused {Count} {Signal} records", batch.RecordCount, batch.Signal);
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
            || postgres.SqlState.StartsWith("57", StringComparison.Ordinal) // operator intervention (shutdown)
            || postgres.SqlState == PostgresErrorCodes.DeadlockDetected,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        TimeoutException => true,
        _ => false,
    };
}
