namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>The activity sources and meters every service records; .NET 10 libraries emit them natively.</summary>
internal static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        // Only the publisher: the client's deliver span starts a new trace per message; Jewelry.Messaging's
        // process span continues the publisher's trace instead.
        "RabbitMQ.Client.Publisher",
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
