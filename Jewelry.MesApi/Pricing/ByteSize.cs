using System.Globalization;

namespace Jewelry.MesApi.Pricing;

public static class ByteSize
{
    /// <summary><c>50 MiB</c>, <c>512 KiB</c>, <c>100 bytes</c>: for messages about limits.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
