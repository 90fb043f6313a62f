using Npgsql;

namespace Jewelry.Dashboard.Stages;

/// <summary>How a batch's summed rollup rows reach their table: copied into a temporary twin of it, then merged in one statement.</summary>
internal static class RollupMerge
{
    /// <summary>
    /// Copies <paramref name="rows"/> (each written by <paramref name="writeRow"/> as <paramref name="columns"/>) into
    /// <c>incoming_</c><paramref name="table"/> and runs <paramref name="mergeSql"/>, which reads from it.
    /// </summary>
    public static async Task ApplyAsync<TRow>(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string table,
        string columns,
        IReadOnlyList<TRow> rows,
        Action<NpgsqlBinaryImporter, TRow> writeRow,
        string mergeSql,
        CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE incoming_{table} (LIKE {table}) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY incoming_{table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                writeRow(importer, row);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var merge = new NpgsqlCommand(mergeSql, connection, transaction);
        await merge.ExecuteNonQueryAsync(cancellationToken);
    }
}
