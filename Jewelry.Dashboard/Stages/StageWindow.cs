namespace Jewelry.Dashboard.Stages;

/// <summary>The time range the stage statistics cover: stays entered and hops finished in [From, To].</summary>
public sealed record StageWindow(DateTimeOffset From, DateTimeOffset To);
