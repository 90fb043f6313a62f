namespace Jewelry.Hosting.Reporting;

/// <summary>The state file's document.</summary>
internal sealed record StackState(
    string DataDirectory,
    int AppHostPid,
    string? AspireDashboard,
    string? JewelryDashboard,
    IReadOnlyList<StackStateResource> Resources);
