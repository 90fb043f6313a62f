using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage.Retention;

/// <summary>The retention limits set at runtime, as row <c>retention</c> of <c>dashboard_settings</c>.</summary>
public sealed class RetentionSettingsStore(NpgsqlDataSource dataSource)
{
    public const string Key = "retention";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public async Task<StoredRetentionSettings?> GetAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value::text, updated_at, updated_by FROM dashboard_settings WHERE key = @key");
        command.Parameters.AddWithValue("key", Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        RetentionLimits? limits;
        try
        {
            limits = JsonSerializer.Deserialize<RetentionLimits>(reader.GetString(0), _json);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException(
                $"dashboard_settings '{Key}' is not valid ({exception.Message}); set the retention again on /admin/retention.", exception);
        }

        return limits is null ? null : new StoredRetentionSettings(limits, reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2));
    }

    public async Task SaveAsync(RetentionLimits limits, string updatedBy, DateTimeOffset time, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO dashboard_settings (key, value, updated_at, updated_by) VALUES (@key, @value, @time, @user)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """);
        command.Parameters.AddWithValue("key", Key);
        command.Parameters.AddWithValue("value", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(limits, _json));
        command.Parameters.AddWithValue("time", time);
        command.Parameters.AddWithValue("user", updatedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Back to the configured limits.</summary>
    public async Task<bool> ResetAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM dashboard_settings WHERE key = @key");
        command.Parameters.AddWithValue("key", Key);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
