using Npgsql;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// How many spans a stack's dashboard stored, read from its telemetry database once the count stops
/// growing (services export every second, the dashboard writes in batches). Shows that tracing really
/// was off in one stack and on in the other.
/// </summary>
public static class StoredSpans
{
    private const int SettleStepMilliseconds = 1000;
    private const int MaxSettleSteps = 15;

    /// <summary>The settled count, or the reason it could not be read.</summary>
    public static async Task<(long? Count, string? Problem)> CountAsync(StackInstance stack, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(stack.TelemetryConnectionString);
            await connection.OpenAsync(cancellationToken);
            long? previous = null;
            for (var step = 0; step < MaxSettleSteps; step++)
            {
                await using var command = new NpgsqlCommand("SELECT count(*) FROM spans", connection);
                var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                if (count == previous)
                {
                    return (count, null);
                }

                previous = count;
                await Task.Delay(SettleStepMilliseconds, cancellationToken);
            }

            return (previous, $"still growing after {MaxSettleSteps * SettleStepMilliseconds / 1000} s");
        }
        catch (NpgsqlException exception)
        {
            return (null, exception.Message);
        }
    }
}
