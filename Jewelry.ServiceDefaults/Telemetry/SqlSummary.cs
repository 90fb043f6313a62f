using System.Text.RegularExpressions;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>The operation and main table of a SQL statement, for <c>db.operation.name</c> and <c>db.collection.name</c>.</summary>
public static partial class SqlSummary
{
    public static (string? Operation, string? Table) Summarize(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return (null, null);
        }

        var match = Statement().Match(sql);
        if (!match.Success)
        {
            return (null, null);
        }

        var operation = match.Groups["op"].Value.ToUpperInvariant();
        var table = operation switch
        {
            "SELECT" or "DELETE" => From().Match(sql, match.Index) is { Success: true } from ? Clean(from.Groups["table"].Value) : null,
            "INSERT" => Into().Match(sql, match.Index) is { Success: true } into ? Clean(into.Groups["table"].Value) : null,
            "UPDATE" => Clean(match.Groups["rest"].Value),
            _ => null,
        };
        return (operation, table);
    }

    private static string? Clean(string name)
    {
        var trimmed = name.Trim().Trim('"');
        var dot = trimmed.LastIndexOf('.');
        trimmed = (dot >= 0 ? trimmed[(dot + 1)..] : trimmed).Trim('"');
        return trimmed.Length == 0 ? null : trimmed;
    }

    // The first statement keyword after any WITH ... AS (...) prefix and comments.
    [GeneratedRegex(@"\b(?<op>SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|LOCK|BEGIN|COMMIT|ROLLBACK)\b(\s+(?<rest>(""[^""]+""|[\w.]+)))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\bFROM\s+(ONLY\s+)?(?<table>(""[^""]+""|[\w]+)(\.(""[^""]+""|[\w]+))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex From();

    [GeneratedRegex(@"\bINTO\s+(?<table>(""[^""]+""|[\w]+)(\.(""[^""]+""|[\w]+))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Into();
}
