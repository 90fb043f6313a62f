using System.Text.Json;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Orders;

/// <summary>Reads every span that carries an order's id (one GIN lookup) and builds its journey.</summary>
public sealed class OrderJourneyQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness, IOptions<OrderTrackingOptions> options, TimeProvider time)
{
    /// <summary>More than any real order has; a runaway order (a retry loop) is shown truncated rather than timing out.</summary>
    public const int MaxSpans = 10_000;

    public async Task<OrderJourney?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {OrderSpanReader.Columns("s")}
            FROM spans s
            WHERE s.attributes @> @filter
            ORDER BY s.start_time_unix_nano, s.span_id
            LIMIT {MaxSpans + 1}
            """,
            connection);
        command.Parameters.AddWithValue("filter", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(new Dictionary<string, string> { [HopClassification.OrderIdAttribute] = orderId }));
        var spans = await OrderSpanReader.ReadAllAsync(command, cancellationToken);
        if (spans.Count == 0)
        {
            return null;
        }

        var truncated = spans.Count > MaxSpans;
        return OrderJourneyBuilder.Build(orderId, truncated ? spans[..MaxSpans] : spans, options.Value, time.GetUtcNow(), truncated);
    }
}
