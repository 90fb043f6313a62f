namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// The bookkeeping that makes each firing and each resolution one event: an alert that was firing and still is only
/// has its details refreshed; one that is new (or fires again after resolving) fires with a new start; one that
/// was firing and is no longer raised resolves. Nothing else produces a notification.
/// </summary>
public static class AlertTransitions
{
    /// <param name="firing">The alerts the store holds as firing, by fingerprint.</param>
    /// <param name="evaluated">Every alert the rules raise now.</param>
    /// <param name="now">The evaluation's time.</param>
    public static AlertChanges Plan(IReadOnlyDictionary<string, StoredAlert> firing, IReadOnlyList<EvaluatedAlert> evaluated, DateTimeOffset now)
    {
        var rows = new List<StoredAlert>();
        var fired = new List<StoredAlert>();
        var resolved = new List<StoredAlert>();
        var raised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alert in evaluated)
        {
            if (!raised.Add(alert.Fingerprint))
            {
                continue;
            }

            if (firing.TryGetValue(alert.Fingerprint, out var stored))
            {
                rows.Add(StoredAlert.Firing(alert, stored.StartsAt, now));
            }
            else
            {
                var started = StoredAlert.Firing(alert, now, now);
                rows.Add(started);
                fired.Add(started);
            }
        }

        foreach (var stored in firing.Values.Where(alert => !raised.Contains(alert.Fingerprint)))
        {
            var ended = stored with { State = AlertState.Resolved, EndsAt = now, EvaluatedAt = now };
            rows.Add(ended);
            resolved.Add(ended);
        }

        return new AlertChanges(rows, fired, resolved);
    }
}
