using System.Globalization;

namespace Jewelry.Dashboard.Audit;

/// <summary>Where a page of the audit log ended: the last row's time (UTC ticks) and id.</summary>
public sealed record AuditCursor(long UtcTicks, long Id)
{
    public static bool TryParse(string? text, out AuditCursor? cursor)
    {
        cursor = null;
        if (text?.Split('-') is not [var ticksText, var idText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new AuditCursor(ticks, id);
        return true;
    }

    public DateTimeOffset Time => new(UtcTicks, TimeSpan.Zero);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UtcTicks}-{Id}");
}
