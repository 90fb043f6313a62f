using System.IO.Compression;
using Jewelry.Dashboard.Otlp;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// Reads the archive's hours in a date range back into the store, through the same OTLP/JSON decoder and writer as
/// ingest, so an old order's journey can be looked at again. The hours are marked first (<c>archive_imports</c>), so
/// retention neither archives them twice nor removes them before <see cref="ArchiveOptions.ImportKeep"/> is over. An
/// object that is not gzip or not OTLP JSON is reported by its key and skipped; the others are imported.
/// </summary>
public sealed class ArchiveImporter(
    NpgsqlDataSource dataSource,
    ArchiveStore store,
    TelemetryWriter writer,
    ArchiveCounters counters,
    IOptions<ArchiveOptions> options,
    TimeProvider time,
    ILogger<ArchiveImporter> logger)
{
    public ArchiveOptions Options => options.Value;

    public async Task<ArchiveImportResult> ImportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keepUntil = now + options.Value.ImportKeep;
        var corrupt = new List<CorruptArchiveObject>();
        var already = new List<string>();
        int objects = 0;
        long spans = 0, logs = 0, points = 0, invalid = 0;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var signal in Enum.GetValues<ArchiveSignal>())
        {
            var imported = await ArchiveImports.CurrentAsync(connection, signal, now, cancellationToken);
            var keys = await KeysAsync(signal, from, to, cancellationToken);
            var fresh = keys.Where(k => !imported.Contains(UnixNano.FromDateTimeOffset(k.Hour))).ToList();
            already.AddRange(keys.Except(fresh).Select(k => k.Key));
            await ArchiveImports.KeepAsync(connection, signal, fresh.Select(k => k.Hour), keepUntil, cancellationToken);

            foreach (var (key, _) in fresh)
            {
                if (await ReadAsync(signal, key, corrupt, cancellationToken) is not { } decoded)
                {
                    continue;
                }

                await writer.WriteAsync([decoded.Batch], cancellationToken);
                objects++;
                spans += decoded.Batch.Spans.Count;
                logs += decoded.Batch.Logs.Count;
                points += decoded.Batch.MetricPoints.Count;
                invalid += decoded.Rejected;
            }
        }

        logger.LogInformation(
            "Imported {Objects} archive objects from {From:u} to {To:u}: {Spans} spans, {Logs} log records, {Points} metric points; {Corrupt} corrupt objects skipped, kept until {KeepUntil:u}",
            objects, from, to, spans, logs, points, corrupt.Count, keepUntil);
        return new ArchiveImportResult(from, to, objects, spans, logs, points, invalid, already, corrupt, keepUntil);
    }

    private async Task<List<(string Key, DateTimeOffset Hour)>> KeysAsync(ArchiveSignal signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var first = ArchiveKey.HourStart(from);
        var keys = new List<(string Key, DateTimeOffset Hour)>();
        for (var day = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero); day < to; day = day.AddDays(1))
        {
            foreach (var key in await store.ListDayAsync(signal, day, cancellationToken))
            {
                if (ArchiveKey.HourOf(key) is { } hour && hour >= first && hour < to)
                {
                    keys.Add((key, hour));
                }
            }
        }

        // In the order written: an hour's first object, then its later parts.
        return [.. keys.OrderBy(k => k.Hour).ThenBy(k => ArchiveKey.PartOf(k.Key))];
    }

    private async Task<DecodedExport?> ReadAsync(ArchiveSignal signal, string key, List<CorruptArchiveObject> corrupt, CancellationToken cancellationToken)
    {
        try
        {
            var json = Gunzip(await store.ReadAsync(key, cancellationToken));
            return signal switch
            {
                ArchiveSignal.Traces => TraceDecoder.Decode(OtlpJson.Parse<ExportTraceServiceRequest>(json)),
                ArchiveSignal.Logs => LogDecoder.Decode(OtlpJson.Parse<ExportLogsServiceRequest>(json)),
                _ => MetricDecoder.Decode(OtlpJson.Parse<ExportMetricsServiceRequest>(json)),
            };
        }
        catch (Exception exception) when (exception is InvalidDataException or OtlpFormatException)
        {
            corrupt.Add(new CorruptArchiveObject(key, exception.Message));
            counters.Corrupt(signal);
            logger.LogWarning("Archive object {Bucket}/{Key} is corrupt and was skipped: {Reason}", store.Bucket, key, exception.Message);
            return null;
        }
    }

    private static byte[] Gunzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
