using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Npgsql;

namespace Jewelry.Dashboard.Broker;

/// <summary>Each queue's latest stored figures, for the stages page's "messages waiting in RabbitMQ".</summary>
public sealed class QueueMetricsQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, TimeProvider time)
{
    /// <summary>A queue not read for this long (deleted, or the broker is unreachable) is not listed.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<QueueDepth>> LatestAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var command = dataSource.CreateCommand(
            $"""
            SELECT DISTINCT ON (p.metric_name, p.attributes->>'{QueueMetricNames.QueueAttribute}', p.attributes->>'{QueueMetricNames.VhostAttribute}', p.attributes->>'{QueueMetricNames.StateAttribute}')
                   p.metric_name, p.attributes->>'{QueueMetricNames.QueueAttribute}', p.attributes->>'{QueueMetricNames.VhostAttribute}',
                   p.attributes->>'{QueueMetricNames.StateAttribute}', p.value, p.time_unix_nano
            FROM metric_points p
            WHERE p.metric_name = ANY(@names) AND p.scope_name = '{QueueMetricNames.ScopeName}' AND p.time_unix_nano >= @since
            ORDER BY p.metric_name, 2, 3, 4, p.time_unix_nano DESC
            """);
        command.Parameters.AddWithValue("names", QueueMetricNames.All);
        command.Parameters.AddWithValue("since", UnixNano.FromDateTimeOffset(time.GetUtcNow() - Freshness));
        var queues = new Dictionary<(string Queue, string Vhost), QueueDepth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(1) || reader.IsDBNull(4))
            {
                continue;
            }

            var key = (reader.GetString(1), reader.IsDBNull(2) ? "/" : reader.GetString(2));
            var value = (long)reader.GetDouble(4);
            var at = UnixNano.ToDateTimeOffset(reader.GetInt64(5));
            var depth = queues.GetValueOrDefault(key) ?? new QueueDepth(key.Item1, key.Item2, 0, 0, 0, at);
            depth = (reader.GetString(0), reader.IsDBNull(3) ? null : reader.GetString(3)) switch
            {
                (QueueMetricNames.Consumers, _) => depth with { Consumers = value },
                (_, QueueMetricNames.Unacknowledged) => depth with { Unacknowledged = value },
                _ => depth with { Ready = value },
            };
            queues[key] = depth with { At = at > depth.At ? at : depth.At };
        }

        return [.. queues.Values.OrderByDescending(queue => queue.Messages).ThenBy(queue => queue.Queue, StringComparer.Ordinal)];
    }
}
