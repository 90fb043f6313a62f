namespace Jewelry.Dashboard.Archive;

/// <summary>A SQL condition on one table and the values of its parameters.</summary>
internal sealed record RowSelection(string Condition, IReadOnlyDictionary<string, object> Parameters)
{
    public static readonly RowSelection All = new("true", new Dictionary<string, object>());

    public RowSelection And(string condition) => this with { Condition = $"({Condition}) AND {condition}" };
}
