using Npgsql;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed class ServiceQueries(NpgsqlDataSource dataSource, TelemetryStoreReadiness readiness)
{
    public async Task<IReadOnlyList<string>> GetServiceNamesAsync(CancellationToken cancellationToken)
    {
        var sources = await GetTelemetrySourcesAsync(cancellationToken);
        return sources.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<TelemetrySource>> GetTelemetrySourcesAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT service_name, service_instance_id, min(first_seen), max(last_seen)
            FROM resources
            GROUP BY service_name, service_instance_id
            ORDER BY service_name, max(last_seen) DESC
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sources = new List<TelemetrySource>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(new TelemetrySource(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return sources;
    }
}
