using Jewelry.Hosting;

var builder = DistributedApplication.CreateBuilder(AppHostArguments.Expand(args));

// Run mode: the machine's own PostgreSQL, RabbitMQ and s3rver. Publishing (or --containers): Aspire's containers.
var postgres = builder.AddPostgresServer("postgres");
var shopDb = postgres.AddDatabase("shopdb");
var mesDb = postgres.AddDatabase("mesdb");
var telemetryDb = postgres.AddDatabase("telemetrydb");

var messaging = builder.AddRabbitMQServer("messaging");
var models = builder.AddS3Store("models", bucket: "models");

// The durable telemetry store and order journeys; every service exports to it as well as to the Aspire dashboard.
var dashboard = builder.AddJewelryDashboard<Projects.Jewelry_Dashboard>("dashboard")
    .WithReference(telemetryDb).WaitFor(telemetryDb);

builder.AddProject<Projects.Jewelry_MesApi>("mes-api")
    .WithJewelryDashboard(dashboard)
    .WithReference(mesDb).WaitFor(mesDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(models).WaitFor(models)
    .WithHttpHealthCheck("/health");

var crm = builder.AddProject<Projects.Jewelry_CrmApi>("crm-api")
    .WithJewelryDashboard(dashboard)
    .WithDemoThresholds("Crm__StuckThresholds")
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

builder.AddStackReport();

builder.Build().Run();
