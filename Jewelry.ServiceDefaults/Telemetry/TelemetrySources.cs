namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>The activity sources and meters every service records; .NET 10 libraries emit them natively.</summary>
internal static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        // RabbitMQ.Client's own sources are left out on purpose: its deliver span starts a new trace per
        // message and its publish span would duplicate Jewelry.Messaging's. Jewelry.Messaging records both
        // sides with the messaging conventions, the broker's confirm, and one trace per chain.
        ServiceTelemetry.NamePrefix + "*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "Npgsql",
        "System.Runtime",
        ServiceTelemetry.NamePrefix + "*",
    ];
}
