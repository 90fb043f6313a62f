using System.Globalization;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>Reads a flag's value within its range, or says what was wrong with it; shared by the benchmarks' option parsers.</summary>
internal static class OptionValues
{
    public static int ReadInt(string flag, string? text, int min, int max, ref string? error)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error = $"{flag} needs a whole number from {min} to {max}, not '{text}'.";
        return min;
    }
}
