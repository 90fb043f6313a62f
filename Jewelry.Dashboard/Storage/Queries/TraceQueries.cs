using Jewelry.Dashboard.Otlp.Decoding;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed class TraceQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness)
{
    public async Task<TraceSearchResult> SearchAsync(TraceSearch search, CancellationToken cancellationToken)
    {
        EnsureReady();
        var filter = new SqlFilterBuilder();
        if (search.ServiceName is { Length: > 0 } service)
        {
            filter.Where($"t.services @> ARRAY[{filter.Parameter(service, NpgsqlDbType.Text)}]::text[]");
        }

        if (search.ErrorsOnly)
        {
            filter.Where("t.error_count > 0");
        }

        if (search.MinDuration is { } min)
        {
            filter.Where($"t.end_time_unix_nano - t.start_time_unix_nano >= {filter.Parameter(UnixNano.FromTimeSpan(min))}");
        }

        if (search.MaxDuration is { } max)
        {
            filter.Where($"t.end_time_unix_nano - t.start_time_unix_nano <= {filter.Parameter(UnixNano.FromTimeSpan(max))}");
        }

        if (search.Start is { } start)
        {
            filter.Where($"t.start_time_unix_nano >= {filter.Parameter(UnixNano.FromDateTimeOffset(start))}");
        }

        if (search.End is { } end)
        {
            filter.Where($"t.start_time_unix_nano <= {filter.Parameter(UnixNano.FromDateTimeOffset(end))}");
        }

        if (search.After is { } after)
        {
            filter.Where($"(t.start_time_unix_nano, t.trace_id) < ({filter.Parameter(after.StartTimeUnixNano)}, {filter.Parameter(after.TraceId, NpgsqlDbType.Bytea)})");
        }

        if (search.SpanName is { Length: > 0 } spanName)
        {
            var serviceCondition = search.ServiceName is { Length: > 0 }
                ? $" AND s.service_name = {filter.Parameter(search.ServiceName, NpgsqlDbType.Text)}"
                : string.Empty;
            filter.Where(
                $"EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = t.trace_id AND s.name ILIKE {filter.Parameter(SqlFilterBuilder.ContainsPattern(spanName), NpgsqlDbType.Text)}{serviceCondition})");
        }

        // Attribute filters are resolved first, through the GIN index, into the set of matching traces. The
        // planner cannot estimate jsonb containment and would otherwise walk every trace newest first and probe
        // its spans, which is slow exactly when the value is rare (an order id).
        var matched = string.Join(
            "\n    INTERSECT\n    ",
            search.Attributes.Select(attribute => $"SELECT s.trace_id FROM spans s WHERE {filter.Containment("s.attributes", attribute)}"));
        var withMatched = search.Attributes.Count == 0 ? string.Empty : $"WITH matched AS MATERIALIZED (\n    {matched})\n";
        if (search.Attributes.Count > 0)
        {
            filter.Where("t.trace_id IN (SELECT trace_id FROM matched)");
        }

        var limit = Math.Clamp(search.Limit, 1, TraceSearch.MaxLimit);
        var sql = withMatched + $"""
            SELECT t.trace_id, t.start_time_unix_nano, t.end_time_unix_nano, t.span_count, t.error_count,
                   coalesce(t.root_service_name, t.services[1]),
                   coalesce(t.root_span_name, (SELECT s.name FROM spans s WHERE s.trace_id = t.trace_id ORDER BY s.start_time_unix_nano LIMIT 1)),
                   t.root_span_name IS NOT NULL,
                   t.services,
                   (SELECT s.attributes->>'http.response.status_code' FROM spans s
                    WHERE s.trace_id = t.trace_id AND s.parent_span_id IS NULL LIMIT 1)
            FROM traces t
            {filter.WhereClause()}
            ORDER BY t.start_time_unix_nano DESC, t.trace_id DESC
            LIMIT {limit + 1}
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = filter.CreateCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var traces = new List<TraceSummary>();
        var cursors = new List<TraceCursor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var traceId = reader.GetFieldValue<byte[]>(0);
            var startNano = reader.GetInt64(1);
            traces.Add(new TraceSummary(
                Convert.ToHexStringLower(traceId),
                UnixNano.ToDateTimeOffset(startNano),
                (reader.GetInt64(2) - startNano) / 1_000_000.0,
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? ResourceDecoder.UnknownServiceName : reader.GetString(5),
                reader.IsDBNull(6) ? string.Empty : reader.GetString(6),
                reader.GetBoolean(7),
                reader.GetFieldValue<string[]>(8),
                reader.IsDBNull(9) || !int.TryParse(reader.GetString(9), System.Globalization.CultureInfo.InvariantCulture, out var status) ? null : status));
            cursors.Add(new TraceCursor(startNano, traceId));
        }

        return traces.Count > limit
            ? new TraceSearchResult(traces[..limit], cursors[limit - 1].ToString())
            : new TraceSearchResult(traces, null);
    }

    public async Task<TraceDetail?> GetAsync(byte[] traceId, CancellationToken cancellationToken)
    {
        EnsureReady();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var spans = new List<SpanDetail>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT span_id, parent_span_id, trace_state, flags, name, kind, service_name, resource_id, scope_name, scope_version,
                   scope_attributes::text, start_time_unix_nano, end_time_unix_nano, status_code, status_message, attributes::text,
                   dropped_attributes_count, events::text, dropped_events_count, links::text, dropped_links_count
            FROM spans
            WHERE trace_id = @traceId
            ORDER BY start_time_unix_nano, span_id
            """,
            connection))
        {
            command.Parameters.AddWithValue("traceId", NpgsqlDbType.Bytea, traceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var traceIdHex = Convert.ToHexStringLower(traceId);
            while (await reader.ReadAsync(cancellationToken))
            {
                spans.Add(ReadSpan(reader, traceIdHex));
            }
        }

        if (spans.Count == 0)
        {
            return null;
        }

        var resources = await GetResourcesAsync(connection, spans.Select(s => long.Parse(s.ResourceId, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToArray(), cancellationToken);
        var start = spans.Min(s => s.StartTimeUnixNano);
        return new TraceDetail(
            Convert.ToHexStringLower(traceId),
            UnixNano.ToDateTimeOffset(start),
            start,
            spans.Max(s => s.EndTimeUnixNano),
            spans.Count(s => s.StatusCode == SpanStatusCode.Error),
            spans.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).ToList(),
            spans,
            resources);
    }

    private static SpanDetail ReadSpan(NpgsqlDataReader reader, string traceIdHex)
    {
        var start = reader.GetInt64(11);
        return new SpanDetail
        {
            TraceId = traceIdHex,
            SpanId = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(0)),
            ParentSpanId = reader.IsDBNull(1) ? null : Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1)),
            TraceState = reader.IsDBNull(2) ? null : reader.GetString(2),
            Flags = reader.GetInt32(3),
            Name = reader.GetString(4),
            Kind = (SpanKind)reader.GetInt16(5),
            ServiceName = reader.GetString(6),
            ResourceId = reader.GetInt64(7).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ScopeName = reader.GetString(8),
            ScopeVersion = reader.IsDBNull(9) ? null : reader.GetString(9),
            ScopeAttributes = reader.IsDBNull(10) ? null : JsonColumn.Parse(reader.GetString(10)),
            StartTime = UnixNano.ToDateTimeOffset(start),
            StartTimeUnixNano = start,
            EndTimeUnixNano = reader.GetInt64(12),
            StatusCode = (SpanStatusCode)reader.GetInt16(13),
            StatusMessage = reader.IsDBNull(14) ? null : reader.GetString(14),
            Attributes = JsonColumn.Parse(reader.GetString(15)),
            DroppedAttributesCount = reader.GetInt32(16),
            Events = JsonColumn.ParseList<SpanEvent>(reader.IsDBNull(17) ? null : reader.GetString(17)),
            DroppedEventsCount = reader.GetInt32(18),
            Links = JsonColumn.ParseList<SpanLink>(reader.IsDBNull(19) ? null : reader.GetString(19)),
            DroppedLinksCount = reader.GetInt32(20),
        };
    }

    private static async Task<IReadOnlyDictionary<string, ResourceDetail>> GetResourcesAsync(
        NpgsqlConnection connection, long[] resourceIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT resource_id, service_name, service_instance_id, attributes::text FROM resources WHERE resource_id = ANY(@ids)",
            connection);
        command.Parameters.AddWithValue("ids", resourceIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var resources = new Dictionary<string, ResourceDetail>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            resources[id] = new ResourceDetail(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), JsonColumn.Parse(reader.GetString(3)));
        }

        return resources;
    }

    private void EnsureReady()
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }
    }
}
