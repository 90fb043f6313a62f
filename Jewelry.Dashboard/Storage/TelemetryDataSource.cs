using Npgsql;

namespace Jewelry.Dashboard.Storage;

/// <summary>
/// The store's connections, with JIT compilation off. The dashboard's queries are short and index-driven, but
/// their estimated cost crosses PostgreSQL's JIT threshold, and compiling then takes longer than running: with
/// 300,000 spans stored, the stuck report's last-activity lookup took 200 ms with JIT and 9 ms without.
/// </summary>
internal static class TelemetryDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var options = builder.ConnectionStringBuilder.Options;
        builder.ConnectionStringBuilder.Options = string.IsNullOrWhiteSpace(options) ? "-c jit=off" : $"{options} -c jit=off";
        return builder.Build();
    }
}
