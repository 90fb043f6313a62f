using Npgsql;

namespace Jewelry.Hosting;

/// <summary>Creates the database once its server is healthy; healthy while it exists.</summary>
internal sealed class PostgresDatabaseRunner(PostgresDatabaseResource resource, RunContext context) : ResourceRunner(resource, context)
{
    public override string? StartingDetail => $"in {resource.Parent.Name}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenServerConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!await ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            // Identifiers cannot be bound as parameters; the name is quoted instead.
            var quotedName = "\"" + resource.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
#pragma warning disable CA2100 // The only non-constant part is a quoted identifier from the app model.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
#pragma warning restore CA2100
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenServerConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ExistsAsync(connection, cancellationToken).ConfigureAwait(false)
                ? HealthStatus.Healthy
                : HealthStatus.Unhealthy($"database {resource.DatabaseName} does not exist");
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthStatus.Unhealthy(exception.Message);
        }
    }

    private async Task<NpgsqlConnection> OpenServerConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(PostgresServerRunner.ProbeConnectionString(resource.Parent.ConnectionStringExpression.GetValue()));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", resource.DatabaseName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }
}
