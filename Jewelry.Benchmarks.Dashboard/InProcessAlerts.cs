using Jewelry.Dashboard.Alerts;
using Jewelry.Dashboard.Listeners;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Stages;
using Jewelry.Dashboard.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>
/// The dashboard's <see cref="AlertEvaluator"/>, built in this process by the dashboard's own registrations with its
/// appsettings.json (its rules) against the benchmark's store, so one evaluation can be timed: the stuck-orders report,
/// the stage statistics of every rule window, the rules, and the alert state written back. Not started: no background
/// service runs, so nothing but the timed call touches the store.
/// </summary>
internal sealed class InProcessAlerts : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessAlerts(WebApplication app)
    {
        _app = app;
        Evaluator = app.Services.GetRequiredService<AlertEvaluator>();
        Rules = app.Services.GetRequiredService<IOptions<AlertOptions>>().Value.EnabledRules().Select(rule => $"{rule.Name} ({rule.Rule.Kind})").ToList();
    }

    public AlertEvaluator Evaluator { get; }

    public IReadOnlyList<string> Rules { get; }

    public static InProcessAlerts Create(string connectionString, Uri dashboardUrl, TimeSpan lookBack)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Development, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{TelemetryStoreOptions.ConnectionStringName}"] = connectionString,
            [$"{OrderTrackingOptions.SectionName}:{nameof(OrderTrackingOptions.LookBack)}"] = lookBack.ToString("c"),
            [$"{AlertOptions.SectionName}:{nameof(AlertOptions.ExternalUrl)}"] = dashboardUrl.ToString(),
        });
        builder.Logging.ClearProviders();
        builder.AddTelemetryStore();
        builder.AddOrderTracking();
        builder.AddStageStatistics();
        builder.AddAlerts();
        builder.Services.AddSingleton<IReadOnlyList<DashboardListener>>([new DashboardListener(dashboardUrl, DashboardListenerKinds.Frontend)]);
        var app = builder.Build();

        // The dashboard process applied the schema; this host is never started, so nothing else would say it is ready.
        app.Services.GetRequiredService<TelemetryStoreReadiness>().MarkReady();
        return new InProcessAlerts(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
