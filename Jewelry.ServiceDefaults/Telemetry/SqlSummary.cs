using System.Text.RegularExpressions;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// The operation and main table of a SQL command, for <c>db.operation.name</c> and <c>db.collection.name</c>.
/// EF Core sends a save as one batch of statements sorted by table, so the main statement is the first
/// that touches a business table rather than the messaging or migration bookkeeping.
/// </summary>
public static partial class SqlSummary
{
    private static readonly HashSet<string> s_bookkeepingTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "inbox_messages", "outbox_messages", "__EFMigrationsHistory",
    };

    public static (string? Operation, string? Table) Summarize(string? sql)
    {
        var statements = Statements(sql);
        return statements.FirstOrDefault(s => s.Table is not null && !s_bookkeepingTables.Contains(s.Table)) is { Operation: not null } main
            ? main
            : statements.FirstOrDefault();
    }

    /// <summary>How many statements the command holds (<c>db.operation.batch.size</c> when more than one).</summary>
    public static int StatementCount(string? sql) => Statements(sql).Count;

    private static List<(string? Operation, string? Table)> Statements(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return [];
        }

        var result = new List<(string?, string?)>();
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Statement().Match(statement);
            if (!match.Success)
            {
                continue;
            }

            var operation = match.Groups["op"].Value.ToUpperInvariant();
            var table = operation switch
            {
                "SELECT" or "DELETE" => From().Match(statement, match.Index) is { Success: true } from ? Clean(from.Groups["table"].Value) : null,
                "INSERT" => Into().Match(statement, match.Index) is { Success: true } into ? Clean(into.Groups["table"].Value) : null,
                "UPDATE" => Clean(match.Groups["rest"].Value),
                _ => null,
            };
            result.Add((operation, table));
        }

        return result;
    }

    private static string? Clean(string name)
    {
        var trimmed = name.Trim().Trim('"');
        var dot = trimmed.LastIndexOf('.');
        trimmed = (dot >= 0 ? trimmed[(dot + 1)..] : trimmed).Trim('"');
        return trimmed.Length == 0 ? null : trimmed;
    }

    [GeneratedRegex(@"\b(?<op>SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|LOCK|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b(\s+(?<rest>(""[^""]+""|[\w.]+)))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\bFROM\s+(ONLY\s+)?(?<table>(""[^""]+""|[\w]+)(\.(""[^""]+""|[\w]+))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex From();

    [GeneratedRegex(@"\bINTO\s+(?<table>(""[^""]+""|[\w]+)(\.(""[^""]+""|[\w]+))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Into();
}
