using Jewelry.Contracts.Security;
using Jewelry.Hosting;

var builder = DistributedApplication.CreateBuilder(AppHostArguments.Expand(args));

// Run mode: the machine's own PostgreSQL, RabbitMQ and s3rver. Publishing (or --containers): Aspire's containers.
var postgres = builder.AddPostgresServer("postgres");
var shopDb = postgres.AddDatabase("shopdb");
var mesDb = postgres.AddDatabase("mesdb");
var telemetryDb = postgres.AddDatabase("telemetrydb");
var identityDb = postgres.AddDatabase("identitydb");

var messaging = builder.AddRabbitMQServer("messaging");
var models = builder.AddS3Store("models", bucket: "models");

// The durable telemetry store and order journeys; every service exports to it as well as to the Aspire dashboard.
var dashboard = builder.AddJewelryDashboard<Projects.Jewelry_Dashboard>("dashboard")
    .WithReference(telemetryDb).WaitFor(telemetryDb)
    .WithReference(models) // the archive (Dashboard:Archive, off by default) writes to its own bucket in the same store
    .WithBrokerMetrics(messaging);

// The OAuth 2.0 token server (OpenIddict): partners' client credentials, operators' sign-in, the keys every API validates tokens with.
var identity = builder.AddProject<Projects.Jewelry_Identity>(TokenServer.ResourceName)
    .WithJewelryDashboard(dashboard)
    .WithReference(identityDb).WaitFor(identityDb)
    .WithHttpHealthCheck("/health");

var mes = builder.AddProject<Projects.Jewelry_MesApi>("mes-api")
    .WithJewelryDashboard(dashboard)
    .WithReference(identity)
    .WithReference(mesDb).WaitFor(mesDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(models).WaitFor(models)
    .WithHttpHealthCheck("/health");

var crm = builder.AddProject<Projects.Jewelry_CrmApi>("crm-api")
    .WithJewelryDashboard(dashboard)
    .WithDemoThresholds("Crm__StuckThresholds")
    .WithReference(identity)
    .WithReference(shopDb).WaitFor(shopDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(models).WaitFor(models)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Jewelry_ShopApi>("shop-api")
    .WithJewelryDashboard(dashboard)
    .WithReference(shopDb).WaitFor(shopDb)
    .WithReference(models).WaitFor(models)
    .WithReference(crm).WaitFor(crm)
    .WithHttpHealthCheck("/health");

// The only public entry for external sellers: token and scope checked, rate-limited per partner, seller routes only.
builder.AddProject<Projects.Jewelry_Gateway>("gateway")
    .WithJewelryDashboard(dashboard)
    .WithReference(identity).WaitFor(identity)
    .WithReference(mes).WaitFor(mes)
    .WithHttpHealthCheck("/health");

builder.AddStackReport();

using var app = builder.Build();
app.Run();
