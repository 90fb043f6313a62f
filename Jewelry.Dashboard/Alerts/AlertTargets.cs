namespace Jewelry.Dashboard.Alerts;

/// <summary>What an ErrorRate or P95 rule looks at.</summary>
public static class AlertTargets
{
    public const string Status = "Status";
    public const string Hop = "Hop";

    public static bool IsHop(string target) => string.Equals(target, Hop, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? target) => string.Equals(target, Status, StringComparison.OrdinalIgnoreCase) || IsHop(target ?? string.Empty);
}
