using Jewelry.Dashboard.Otlp.Decoding;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary><c>archive_imports</c>: the hours imported back, which retention leaves alone until their keep time is over.</summary>
internal static class ArchiveImports
{
    /// <summary>A SQL condition: the hour of <paramref name="timeColumn"/> was not imported (parameter <c>@signal</c>).</summary>
    public static string NotImportedHour(string timeColumn) => $"NOT {ImportedHour(timeColumn)}";

    /// <summary>A SQL condition: the hour of <paramref name="timeColumn"/> was imported (parameter <c>@signal</c>).</summary>
    public static string ImportedHour(string timeColumn) =>
        $"EXISTS (SELECT 1 FROM archive_imports i WHERE i.signal = @signal AND i.hour_start = {timeColumn} - ({timeColumn} % 3600000000000))";

    public static string Name(ArchiveSignal signal) => signal.ToString().ToLowerInvariant();

    public static async Task<HashSet<long>> CurrentAsync(NpgsqlConnection connection, ArchiveSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT hour_start FROM archive_imports WHERE signal = @signal AND keep_until > @now", connection);
        command.Parameters.AddWithValue("signal", Name(signal));
        command.Parameters.AddWithValue("now", now);
        var hours = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(reader.GetInt64(0));
        }

        return hours;
    }

    public static async Task KeepAsync(NpgsqlConnection connection, ArchiveSignal signal, IEnumerable<DateTimeOffset> hours, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO archive_imports (signal, hour_start, keep_until) SELECT @signal, unnest(@hours), @keep
            ON CONFLICT (signal, hour_start) DO UPDATE SET keep_until = GREATEST(archive_imports.keep_until, excluded.keep_until)
            """,
            connection);
        command.Parameters.AddWithValue("signal", Name(signal));
        command.Parameters.AddWithValue("hours", hours.Select(UnixNano.FromDateTimeOffset).Distinct().ToArray());
        command.Parameters.AddWithValue("keep", keepUntil);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Imports whose keep time is over: forgotten, and their hours' rows returned for deletion (they are archived already).</summary>
    public static async Task<long[]> ReleaseExpiredAsync(NpgsqlConnection connection, ArchiveSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM archive_imports WHERE signal = @signal AND keep_until <= @now RETURNING hour_start", connection);
        command.Parameters.AddWithValue("signal", Name(signal));
        command.Parameters.AddWithValue("now", now);
        var hours = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(reader.GetInt64(0));
        }

        return [.. hours];
    }
}
