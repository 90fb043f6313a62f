namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Bucket sizes of the <see cref="RollupTier"/>s, and how a window is read from them: whole days where they fit, whole
/// hours at the ends, minutes at the very ends. At most ~80 buckets per key, whatever the window's length.
/// </summary>
public static class RollupTiers
{
    public const long MinuteNanoseconds = 60_000_000_000;
    public const long HourNanoseconds = 60 * MinuteNanoseconds;
    public const long DayNanoseconds = 24 * HourNanoseconds;

    /// <summary>How long minute rollups are kept; a window reaching further back is read in whole hours there.</summary>
    public static readonly TimeSpan MinuteTierKeptFor = TimeSpan.FromDays(2);

    public static readonly IReadOnlyList<(RollupTier Tier, long Size)> All =
    [
        (RollupTier.Minute, MinuteNanoseconds),
        (RollupTier.Hour, HourNanoseconds),
        (RollupTier.Day, DayNanoseconds),
    ];

    /// <summary>
    /// The buckets covering [<paramref name="from"/>, <paramref name="to"/>) as (tier, first bucket start, end) ranges;
    /// both ends must be minute-aligned.
    /// </summary>
    public static List<(RollupTier Tier, long From, long To)> Cover(long from, long to)
    {
        var ranges = new List<(RollupTier Tier, long From, long To)>();
        var at = from;
        while (at < to)
        {
            var (tier, size) = All.Reverse().First(t => at % t.Size == 0 && at + t.Size <= to || t.Tier == RollupTier.Minute);
            if (ranges.Count > 0 && ranges[^1].Tier == tier && ranges[^1].To == at)
            {
                ranges[^1] = (tier, ranges[^1].From, at + size);
            }
            else
            {
                ranges.Add((tier, at, at + size));
            }

            at += size;
        }

        return ranges;
    }

    public static long Floor(long nanoseconds, long size) => nanoseconds - (((nanoseconds % size) + size) % size);
}
