using Jewelry.Dashboard.Alerts;
using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Storage.Retention;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jewelry.Dashboard.Pages.Admin;

/// <summary>Shows and changes the retention limits at runtime (the same as <c>/api/settings/retention</c>).</summary>
[Authorize(Policy = DashboardPolicies.Admin)]
public sealed class RetentionModel(
    RetentionSettingsStore store,
    TelemetryRetention retention,
    RetentionStatus status,
    AlertRuleWindows ruleWindows,
    TimeProvider time) : PageModel
{
    public RetentionSettingsView View { get; private set; } = null!;

    public RetentionStatus Status => status;

    public QueryErrors Errors { get; } = new();

    [BindProperty]
    public string? MaxAge { get; set; }

    [BindProperty]
    public string? MaxSpans { get; set; }

    [BindProperty]
    public string? MaxLogRecords { get; set; }

    [BindProperty]
    public string? MaxMetricPoints { get; set; }

    [FromQuery(Name = "saved")]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        MaxAge = View.MaxAge is null ? null : RetentionLimits.Text(View.MaxAge);
        MaxSpans = View.MaxSpans?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        MaxLogRecords = View.MaxLogRecords?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        MaxMetricPoints = View.MaxMetricPoints?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var limits = RetentionLimitsParsing.FromForm(MaxAge, MaxSpans, MaxLogRecords, MaxMetricPoints, Errors);
        if (limits is not null)
        {
            ruleWindows.Check(limits, Errors);
        }

        if (limits is null || Errors.HasErrors)
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var before = await retention.GetEffectiveLimitsAsync(cancellationToken);
        await store.SaveAsync(limits, User.UserName() ?? DashboardPrincipal.AnonymousName, time.GetUtcNow(), cancellationToken);
        AuditDetails.For(HttpContext).Detail = "retention: " + before.DescribeChangeTo(limits);
        return LocalRedirect("/admin/retention?saved=settings");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        var before = await retention.GetEffectiveLimitsAsync(cancellationToken);
        await store.ResetAsync(cancellationToken);
        AuditDetails.For(HttpContext).Detail = "retention reset to configuration: " + before.DescribeChangeTo(RetentionLimits.From(retention.Options));
        return LocalRedirect("/admin/retention?saved=configuration");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        View = RetentionSettingsView.Create(await store.GetAsync(cancellationToken), retention.Options);
}
