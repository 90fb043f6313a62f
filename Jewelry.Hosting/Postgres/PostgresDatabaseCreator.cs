using Npgsql;

namespace Jewelry.Hosting.Postgres;

/// <summary>Creates the server's databases that do not exist yet, as Aspire's PostgreSQL integration does for its container.</summary>
internal static class PostgresDatabaseCreator
{
    public static async Task CreateMissingAsync(string serverConnectionString, IEnumerable<string> databaseNames, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString(serverConnectionString));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var databaseName in databaseNames)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", databaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                // Identifiers cannot be bound as parameters; the name is quoted instead.
                var quotedName = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
#pragma warning disable CA2100 // The only non-constant part is a quoted identifier from the app model.
                await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
#pragma warning restore CA2100
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A short-lived, unpooled connection: the server may restart between two uses.</summary>
    public static string MaintenanceConnectionString(string serverConnectionString) =>
        ProbeConnectionString(serverConnectionString, LocalPostgresNames.MaintenanceDatabase);

    public static string ProbeConnectionString(string connectionString, string? database = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3, CommandTimeout = 3 };
        if (database is not null)
        {
            builder.Database = database;
        }

        return builder.ConnectionString;
    }
}
