namespace Jewelry.Tests.Dashboard;

/// <summary>A clock a test moves by hand, for logic that depends on how much time has passed.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
