using System.Diagnostics.CodeAnalysis;

namespace Jewelry.Hosting;

/// <summary>The Jewelry system: its servers, its services, and what each service needs.</summary>
/// <remarks>In the Jewelry.Hosting namespace so that tests starting the stack need only that one using.</remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A stack of services, not a Stack<T>.")]
public static class JewelryStack
{
    public static IDistributedApplicationBuilder AddJewelryStack(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var shopDb = postgres.AddDatabase("shopdb");
        var mesDb = postgres.AddDatabase("mesdb");
        var telemetryDb = postgres.AddDatabase("telemetrydb");

        // Every service below exports its traces, metrics and logs to the dashboard.
        var dashboard = builder.AddDashboard<Projects.Jewelry_Dashboard>("dashboard")
            .WithReference(telemetryDb).WaitFor(telemetryDb);

        var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
        var models = builder.AddS3Store("models").WithBucket("models");

        builder.AddProject<Projects.Jewelry_MesApi>("mes-api")
            .WaitFor(dashboard)
            .WithReference(mesDb).WaitFor(mesDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(models).WaitFor(models);

        var crm = builder.AddProject<Projects.Jewelry_CrmApi>("crm-api")
            .WaitFor(dashboard)
            .WithReference(shopDb).WaitFor(shopDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(models).WaitFor(models);

        builder.AddProject<Projects.Jewelry_ShopApi>("shop-api")
            .WaitFor(dashboard)
            .WithReference(shopDb).WaitFor(shopDb)
            .WithReference(models).WaitFor(models)
            .WithReference(crm).WaitFor(crm);

        return builder;
    }
}
