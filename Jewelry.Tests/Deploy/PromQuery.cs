using System.Text.RegularExpressions;

namespace Jewelry.Tests.Deploy;

/// <summary>What a PromQL expression refers to: metric names, label matchers and grouping labels. Enough of PromQL for these files.</summary>
internal static partial class PromQuery
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "offset", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
    };

    public static IReadOnlyList<string> MetricNames(string expression)
    {
        var bare = StringLiteral().Replace(Matchers().Replace(Grouping().Replace(expression, " "), " "), " ");
        bare = Variable().Replace(bare, " ");
        return Identifier().Matches(bare)
            .Where(m => !s_keywords.Contains(m.Value) && !FollowedByParenthesis(bare, m))
            .Select(m => m.Value).Distinct().ToList();
    }

    public static IReadOnlyList<(string Label, string Value)> LabelMatchers(string expression) =>
        [.. Matchers().Matches(expression).SelectMany(m => Matcher().Matches(m.Groups["body"].Value))
            .Select(m => (m.Groups["label"].Value, m.Groups["value"].Value))];

    public static IReadOnlyList<string> GroupingLabels(string expression) =>
        [.. Grouping().Matches(expression).SelectMany(m => m.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>Labels a <c>label_replace(v, "dst", "$1", "src", "re")</c> reads from.</summary>
    public static IReadOnlyList<string> ReplacedLabels(string expression) =>
        [.. LabelReplace().Matches(expression).Select(m => m.Groups["source"].Value)];

    private static bool FollowedByParenthesis(string text, Match match)
    {
        var rest = text.AsSpan(match.Index + match.Length).TrimStart();
        return rest.Length > 0 && rest[0] == '(';
    }

    [GeneratedRegex(@"\{(?<body>[^}]*)\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)\s*""(?<value>[^""]*)""")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\b(by|without)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"label_replace\([^,]+,\s*""[^""]*""\s*,\s*""[^""]*""\s*,\s*""(?<source>[^""]*)""")]
    private static partial Regex LabelReplace();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<![\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
