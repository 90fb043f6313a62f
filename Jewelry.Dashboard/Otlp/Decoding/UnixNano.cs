namespace Jewelry.Dashboard.Otlp.Decoding;

/// <summary>OTLP times are nanoseconds since the Unix epoch; the store keeps them as such (bigint).</summary>
public static class UnixNano
{
    private const long NanosecondsPerTick = 100;

    public static long Now() => FromDateTimeOffset(DateTimeOffset.UtcNow);

    public static long FromDateTimeOffset(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosecondsPerTick;

    public static DateTimeOffset ToDateTimeOffset(long unixNano) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNano / NanosecondsPerTick);

    public static long FromTimeSpan(TimeSpan duration) => duration.Ticks * NanosecondsPerTick;

    public static TimeSpan ToTimeSpan(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);
}
