using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Jewelry.Dashboard.Otlp.GrpcServices;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Otlp;

public static class OtlpServiceCollectionExtensions
{
    /// <summary>OTLP receivers (HTTP and gRPC) and their API key check.</summary>
    public static WebApplicationBuilder AddOtlpReceivers(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OtlpOptions>()
            .BindConfiguration(OtlpOptions.SectionName)
            .PostConfigure(options => options.AuthMode ??= string.IsNullOrEmpty(options.PrimaryApiKey) ? OtlpAuthMode.Unsecured : OtlpAuthMode.ApiKey)
            .Validate(
                options => options.AuthMode != OtlpAuthMode.ApiKey || !string.IsNullOrEmpty(options.PrimaryApiKey),
                "Dashboard:Otlp:AuthMode is ApiKey but Dashboard:Otlp:PrimaryApiKey is empty.")
            .ValidateOnStart();

        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>()
            .Configure<IOptions<OtlpOptions>>((cors, otlp) =>
            {
                var settings = otlp.Value.Cors;
                if (!settings.IsEnabled)
                {
                    return;
                }

                cors.AddPolicy(OtlpCorsOptions.PolicyName, policy =>
                {
                    var origins = OtlpCorsOptions.Split(settings.AllowedOrigins);
                    var headers = OtlpCorsOptions.Split(settings.AllowedHeaders);
                    _ = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
                    _ = headers.Length == 0 || headers.Contains("*") ? policy.AllowAnyHeader() : policy.WithHeaders(headers);
                    policy.WithMethods(HttpMethods.Post);
                });
            });

        // Given before Grpc.AspNetCore's own setup adds its defaults, so this gzip provider is the one in force.
        builder.Services.AddGrpc(grpc => grpc.CompressionProviders.Add(new RefusingGzipCompressionProvider()));
        builder.Services.AddSingleton<IServiceMethodProvider<TraceGrpcService>>(
            new OtlpExportMethodProvider<TraceGrpcService, ExportTraceServiceRequest, ExportTraceServiceResponse>(TraceService.Descriptor, (service, request) => service.Export(request)));
        builder.Services.AddSingleton<IServiceMethodProvider<LogsGrpcService>>(
            new OtlpExportMethodProvider<LogsGrpcService, ExportLogsServiceRequest, ExportLogsServiceResponse>(LogsService.Descriptor, (service, request) => service.Export(request)));
        builder.Services.AddSingleton<IServiceMethodProvider<MetricsGrpcService>>(
            new OtlpExportMethodProvider<MetricsGrpcService, ExportMetricsServiceRequest, ExportMetricsServiceResponse>(MetricsService.Descriptor, (service, request) => service.Export(request)));
        // Bounds a message both as received and as it inflates (gzip), so the limit holds after decompression.
        builder.Services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<OtlpOptions>>((grpc, otlp) => grpc.MaxReceiveMessageSize = otlp.Value.MaxRequestBytes);
        builder.Services.AddSingleton<OtlpApiKeyValidator>();
        builder.Services.AddSingleton<TraceExportHandler>();
        builder.Services.AddSingleton<LogExportHandler>();
        builder.Services.AddSingleton<MetricExportHandler>();
        return builder;
    }
}
