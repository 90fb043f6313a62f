using Jewelry.Dashboard.Api;

namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>The lookback choices of the filter bars.</summary>
public static class QueryParsingLookbacks
{
    public static IEnumerable<(string Value, string Label)> All => QueryParsing.Lookbacks.Select(l => (l.Value, l.Label));
}
