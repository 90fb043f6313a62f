using Npgsql;

namespace Jewelry.Dashboard.Storage.Schema;

/// <summary>
/// Creates the database when it is missing (standalone runs) and applies the schema, retrying until
/// PostgreSQL answers, so the dashboard can start before its database and still accept telemetry meanwhile.
/// </summary>
public sealed class TelemetryStoreInitializer(
    NpgsqlDataSource dataSource,
    TelemetryStoreReadiness readiness,
    ILogger<TelemetryStoreInitializer> logger,
    string? connectionString = null) : BackgroundService
{
    private const long SchemaLockKey = 0x4A_65_77_65_6C_72_79; // "Jewelry"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ApplySchemaAsync(stoppingToken);
                readiness.LastError = null;
                readiness.MarkReady();
                logger.LogInformation("Telemetry store ready: {Database}", dataSource.ConnectionString.Split(';').FirstOrDefault(p => p.StartsWith("Database", StringComparison.OrdinalIgnoreCase)));
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                try
                {
                    await CreateDatabaseAsync(stoppingToken);
                    continue;
                }
                catch (NpgsqlException createException)
                {
                    readiness.LastError = createException.Message;
                    logger.LogWarning("Could not create the telemetry database, retrying in {Delay}: {Message}", delay, createException.Message);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                readiness.LastError = exception.Message;
                logger.LogWarning("Telemetry store not reachable yet, retrying in {Delay}: {Message}", delay, exception.Message);
            }

            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in SchemaScripts())
        {
            // No timeout: a script that adds an index to a store already holding millions of spans scans all of them.
            await using var command = new NpgsqlCommand(await ReadScriptAsync(script), connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        // The data source's own connection string has the password removed; creating a database needs it.
        var fullConnectionString = connectionString ?? dataSource.ConnectionString;
        var databaseName = new NpgsqlConnectionStringBuilder(fullConnectionString).Database ?? TelemetryStoreOptions.ConnectionStringName;
        var maintenance = new NpgsqlConnectionStringBuilder(fullConnectionString) { Database = "postgres", Pooling = false };
        logger.LogInformation("Database {Database} does not exist; creating it", databaseName);
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var quoted = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var command = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created meanwhile by another dashboard.
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The embedded <c>Schema/NNN_*.sql</c> scripts, in their numbered order.</summary>
    internal static IEnumerable<string> SchemaScripts() =>
        typeof(TelemetryStoreInitializer).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Schema/", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static async Task<string> ReadScriptAsync(string name)
    {
        await using var stream = typeof(TelemetryStoreInitializer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded schema script {name} is missing.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
