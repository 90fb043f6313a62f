using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>Collects WHERE conditions and their parameters; values are always parameters, never SQL text.</summary>
internal sealed class SqlFilterBuilder
{
    private readonly List<string> _conditions = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    public string Parameter(object value, NpgsqlDbType? type = null)
    {
        var name = "p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parameter = type is { } dbType ? new NpgsqlParameter(name, dbType) { Value = value } : new NpgsqlParameter(name, value);
        _parameters.Add(parameter);
        return "@" + name;
    }

    public void Where(string condition) => _conditions.Add(condition);

    /// <summary>"column @&gt; a OR column @&gt; b ...": one GIN bitmap scan per candidate.</summary>
    public string Containment(string column, AttributeFilter filter) =>
        "(" + string.Join(" OR ", filter.ContainmentCandidates().Select(c => $"{column} @> {Parameter(c, NpgsqlDbType.Jsonb)}")) + ")";

    public string WhereClause() => _conditions.Count == 0 ? string.Empty : "WHERE " + string.Join("\n  AND ", _conditions);

    public NpgsqlCommand CreateCommand(string sql, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(_parameters.ToArray());
        return command;
    }

    /// <summary>ILIKE pattern for "contains", with the user's % and _ taken literally.</summary>
    public static string ContainsPattern(string text)
    {
        var escaped = new StringBuilder(text.Length + 2).Append('%');
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.Append('%').ToString();
    }
}
