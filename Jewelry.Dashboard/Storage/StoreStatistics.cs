using Npgsql;

namespace Jewelry.Dashboard.Storage;

/// <summary>Approximate row counts and on-disk sizes from the catalog (cheap: no table scans).</summary>
public sealed class StoreStatistics(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<TableStatistics>> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, greatest(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relname IN ('traces', 'spans', 'logs', 'metric_points', 'resources')
            ORDER BY c.relname
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<TableStatistics>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(new TableStatistics(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return tables;
    }
}
