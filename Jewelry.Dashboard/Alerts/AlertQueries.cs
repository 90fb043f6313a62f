using System.Security.Claims;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Storage;

namespace Jewelry.Dashboard.Alerts;

/// <summary>What the alerts page and API show a user: support sees the order alerts (stuck, lost, dead-lettered), developers and admins all.</summary>
public sealed class AlertQueries(AlertStore store, AlertCounters counters, TelemetryStoreReadiness readiness, TimeProvider time)
{
    public async Task<AlertsReport> GetAsync(ClaimsPrincipal user, AlertState? state, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            throw new TelemetryStoreNotReadyException();
        }

        var seesAll = user.SeesAllTelemetry();
        var alerts = await store.ListAsync(state, orderAlertsOnly: !seesAll, cancellationToken);
        return new AlertsReport(time.GetUtcNow(), seesAll ? counters.Snapshot() : null, alerts);
    }

    /// <summary><c>firing</c>, <c>resolved</c> or <c>all</c> (the default); null with <paramref name="problem"/> for anything else.</summary>
    public static bool TryParseState(string? text, out AlertState? state, out string problem)
    {
        state = null;
        problem = string.Empty;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                return true;
            case "firing":
                state = AlertState.Firing;
                return true;
            case "resolved":
                state = AlertState.Resolved;
                return true;
            default:
                problem = $"'{text}' is not an alert state; use firing, resolved or all.";
                return false;
        }
    }
}
