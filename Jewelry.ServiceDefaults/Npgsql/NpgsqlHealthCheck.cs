using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Jewelry.ServiceDefaults.Npgsql;

/// <summary>Opens a connection and runs <c>SELECT 1</c>, with short connect and command timeouts.</summary>
internal sealed class NpgsqlHealthCheck(string connectionString) : IHealthCheck
{
    private const int TimeoutSeconds = 2;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = TimeoutSeconds,
        CommandTimeout = TimeoutSeconds,
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);

            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);

            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception.Message, exception);
        }
    }
}
