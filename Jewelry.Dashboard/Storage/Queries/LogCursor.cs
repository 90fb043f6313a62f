using System.Globalization;

namespace Jewelry.Dashboard.Storage.Queries;

public sealed record LogCursor(long TimeUnixNano, long LogId)
{
    public static bool TryParse(string? text, out LogCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('-');
        if (parts is [var time, var id]
            && long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var timeUnixNano)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var logId))
        {
            cursor = new LogCursor(timeUnixNano, logId);
            return true;
        }

        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TimeUnixNano}-{LogId}");
}
