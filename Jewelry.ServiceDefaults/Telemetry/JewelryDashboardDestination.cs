using Jewelry.Contracts.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>Where the Jewelry dashboard receives OTLP, read from the <see cref="JewelryDashboardExport"/> variables.</summary>
internal sealed record JewelryDashboardDestination(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers, int MetricExportIntervalMilliseconds)
{
    public static JewelryDashboardDestination? FromConfiguration(IConfiguration configuration)
    {
        var endpoint = configuration[JewelryDashboardExport.EndpointVariable];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var protocol = configuration[JewelryDashboardExport.ProtocolVariable] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException(
                $"{JewelryDashboardExport.ProtocolVariable} is '{other}'; expected 'grpc' or 'http/protobuf'."),
        };

        var interval = configuration[JewelryDashboardExport.MetricExportIntervalVariable] switch
        {
            null or "" => JewelryDashboardExport.DefaultMetricExportInterval,
            var text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0 => milliseconds,
            var other => throw new InvalidOperationException(
                $"{JewelryDashboardExport.MetricExportIntervalVariable} is '{other}'; expected a positive number of milliseconds."),
        };

        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? new JewelryDashboardDestination(uri, protocol, configuration[JewelryDashboardExport.HeadersVariable], interval)
            : throw new InvalidOperationException($"{JewelryDashboardExport.EndpointVariable} is not an absolute URI: '{endpoint}'.");
    }

    /// <summary>
    /// Overrides what the options read from the standard variables. An endpoint set in code is used as it is,
    /// so over http/protobuf the signal's path is appended here, as the SDK does for the standard variable.
    /// </summary>
    public void Configure(OtlpExporterOptions options, string signalPath)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(WithTrailingSlash(Endpoint), signalPath) : Endpoint;
        options.Headers = Headers;
    }

    private static Uri WithTrailingSlash(Uri uri)
        => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
