using System.Text.Json;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// How one signal's rows become an OTLP JSON export request: the query (ordinals 0-5 the resource and scope, rows in
/// resource and scope order), the property names of each level, and for metrics the level between scope and record
/// (one <c>Metric</c> holding its data points), opened whenever <see cref="GroupKey"/> changes.
/// </summary>
internal sealed record ExportLayout(
    string Sql,
    string ResourcesProperty,
    string ScopesProperty,
    string RecordsProperty,
    Action<Utf8JsonWriter, NpgsqlDataReader> WriteRecord)
{
    public Func<NpgsqlDataReader, string>? GroupKey { get; init; }

    public Action<Utf8JsonWriter, NpgsqlDataReader>? StartGroup { get; init; }

    public Action<Utf8JsonWriter>? EndGroup { get; init; }
}
