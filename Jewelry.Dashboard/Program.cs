using Jewelry.Dashboard.Alerts;
using Jewelry.Dashboard.Api;
using Jewelry.Dashboard.Archive;
using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Authentication;
using Jewelry.Dashboard.Broker;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Listeners;
using Jewelry.Dashboard.Orders;
using Jewelry.Dashboard.Otlp;
using Jewelry.Dashboard.Stages;
using Jewelry.Dashboard.Storage;
using Jewelry.Dashboard.Telemetry;

if (args is [HashPasswordCommand.Name, .. var rest])
{
    return HashPasswordCommand.Run(rest, Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddDashboardListeners();       // UI, OTLP/gRPC and OTLP/HTTP, each on its own port
builder.AddDashboardTelemetry();       // its own telemetry to the Aspire dashboard; what it receives is not traced
builder.AddTelemetryStore();           // PostgreSQL telemetrydb: schema, writer, queries, retention
builder.AddTelemetryArchive();         // retention archives to S3 before deleting, and admins import it back (when enabled)
builder.AddIngestPipeline();           // bounded queue and batch writer
builder.AddOtlpReceivers();            // OTLP/HTTP and OTLP/gRPC: decoding, API key, size limit
builder.AddDashboardAuthentication();  // users and roles, browser token and password login, session cookie
builder.AddAuditLog();                 // who asked what, when
builder.AddDashboardFrontend();        // pages, JSON API, OpenAPI, resources
builder.AddOrderTracking();            // order journeys, stuck and lost orders
builder.AddStageStatistics();          // per status and per hop durations, error rates, slowest orders
builder.AddAlerts();                   // rules evaluated against the store, Alertmanager webhooks
builder.AddBrokerMetrics();            // RabbitMQ queue depths from its management API, stored as metrics

var app = builder.Build();

app.UseAuditLog();
app.UseExceptionHandler();
app.UseApiStatusCodePages();
app.UseDashboardAssets();
app.UseRouting();
app.UseListenerIsolation();
app.UseCors();
app.UseAuthentication();
app.UseUnsecuredAdmin();
app.UseAuthorization();

app.MapOtlpHttp();
app.MapOtlpGrpc();
app.MapDashboardHealth();
app.MapLoginApi();
app.MapDashboardApi();
app.MapOrderTrackingApi();
app.MapStageStatisticsApi();
app.MapAlertsApi();
app.MapQueueMetricsApi();
app.MapAdminApi();
app.MapArchiveApi();
app.MapOpenApi().RequireAuthorization(DashboardPolicies.Developer);
app.MapRazorPages();

app.Run();
return 0;
