using System.Globalization;

namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>Where a page of the trace list ended: the last trace's start time and id.</summary>
public sealed record TraceCursor(long StartTimeUnixNano, byte[] TraceId)
{
    public static bool TryParse(string? text, out TraceCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('-');
        if (parts is not [var start, var id]
            || !long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var startTime)
            || id.Length != 32)
        {
            return false;
        }

        try
        {
            cursor = new TraceCursor(startTime, Convert.FromHexString(id));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartTimeUnixNano}-{Convert.ToHexStringLower(TraceId)}");
}
