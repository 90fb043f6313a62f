using System.Diagnostics;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// The database's own limit: the same requests decoded by the dashboard's <see cref="TraceDecoder"/> into the same rows,
/// written with the dashboard's <see cref="SpanRowCopy"/> into the <c>spans</c> table of a fresh database with the
/// dashboard's schema (same indexes), in batches of the dashboard's size from as many writers as it has. Decoding is
/// done before the clock starts; the rate is rows committed per second. The database is dropped afterwards. Run before
/// and after the dashboard's ingest, so a machine whose load changes meanwhile shows as two different limits.
/// </summary>
internal sealed class CopyLimitBenchmark(BenchmarkOptions options, string connectionString, BenchmarkReport report)
{
    public const string Database = "copylimit";

    public async Task RunAsync(string when, EncodedRequests requests, CancellationToken cancellationToken)
    {
        var shape = DashboardWriterShape.Read(options);
        var limitConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Database = Database }.ConnectionString;
        await using (var dataSource = TelemetryDataSource.Create(limitConnectionString))
        {
            await CreateSchemaAsync(dataSource, limitConnectionString, cancellationToken);

            Console.Error.WriteLine($"Decoding {requests.Spans:N0} spans for the raw-COPY limit...");
            var batches = requests.Bodies
                .SelectMany(body => TraceDecoder.Decode(ExportTraceServiceRequest.Parser.ParseFrom(body)).Batch.Spans)
                .Chunk(shape.BatchSize)
                .ToArray();

            Console.Error.WriteLine($"COPY into {Database}.spans: {batches.Length:N0} batches of up to {shape.BatchSize:N0} from {shape.Writers} writer(s)...");
            var next = -1;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, shape.Writers).Select(_ => Task.Run(
                async () =>
                {
                    int batch;
                    while ((batch = Interlocked.Increment(ref next)) < batches.Length)
                    {
                        await WriteAsync(dataSource, batches[batch], cancellationToken);
                    }
                },
                cancellationToken)));
            stopwatch.Stop();

            await using var count = dataSource.CreateCommand("SELECT count(*) FROM spans");
            var stored = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            report.CopyLimits.Add(new CopyLimitResult(when, stored, stopwatch.Elapsed.TotalSeconds, shape.BatchSize, shape.Writers));
        }

        await DropAsync(cancellationToken);
    }

    private static async Task WriteAsync(NpgsqlDataSource dataSource, SpanRecord[] batch, CancellationToken cancellationToken)
    {
        // A connection from the pool per batch and one transaction per batch (the COPY's own), as the dashboard's writer.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SpanRowCopy.CopyAsync(connection, "spans", batch, cancellationToken);
    }

    private static async Task CreateSchemaAsync(NpgsqlDataSource dataSource, string limitConnectionString, CancellationToken cancellationToken)
    {
        var readiness = new TelemetryStoreReadiness();
        var initializer = new TelemetryStoreInitializer(dataSource, readiness, NullLogger<TelemetryStoreInitializer>.Instance, limitConnectionString);
        await initializer.StartAsync(cancellationToken);
        await readiness.WaitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        await initializer.StopAsync(cancellationToken);
    }

    /// <summary>Drops the limit's database and checkpoints, so the dashboard's run starts without its dirty pages.</summary>
    private async Task DropAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 600 };
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // A given server whose user may not checkpoint: its checkpointer will.
        }
    }
}
