using Jewelry.Dashboard.Otlp.Decoding;

namespace Jewelry.Dashboard.Stages;

/// <summary>A window widened to whole rollup buckets, [<see cref="From"/>, <see cref="To"/>) in nanoseconds, and the tier ranges that cover it.</summary>
internal sealed record CoveredWindow(long From, long To, IReadOnlyList<(RollupTier Tier, long From, long To)> Ranges)
{
    public StageWindow Window => new(UnixNano.ToDateTimeOffset(From), UnixNano.ToDateTimeOffset(To));
}
