using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Jewelry.Dashboard.Listeners;

public static class DashboardListenersExtensions
{
    /// <summary>Binds the UI, OTLP/gRPC and OTLP/HTTP ports and tags each connection with what its port serves.</summary>
    public static WebApplicationBuilder AddDashboardListeners(this WebApplicationBuilder builder)
    {
        var listeners = DashboardListenerConfiguration.Read(builder.Configuration);
        builder.Services.AddSingleton(listeners);

        // Every URL is bound explicitly below. An empty "urls" would fall back to ASPNETCORE_URLS and make Kestrel
        // warn that it overrides it; ";" is a list of no addresses.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, ";");

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var listener in listeners)
            {
                Listen(kestrel, listener);
            }
        });
        return builder;
    }

    /// <summary>Answers 404 when a request reaches an endpoint on a port that does not serve it.</summary>
    public static IApplicationBuilder UseListenerIsolation(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null)
            {
                return next(context);
            }

            var required = endpoint.Metadata.GetMetadata<ListenerKindMetadata>()?.Kinds ?? DashboardListenerKinds.Frontend;
            var arrivedOn = context.Features.Get<IDashboardListenerFeature>()?.Kinds ?? DashboardListenerKinds.Frontend;
            if ((required & arrivedOn) == 0)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });

    public static TBuilder RequireListener<TBuilder>(this TBuilder builder, DashboardListenerKinds kinds)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ListenerKindMetadata(kinds));

    private static void Listen(KestrelServerOptions kestrel, DashboardListener listener)
    {
        void Configure(ListenOptions options)
        {
            // Without TLS there is no protocol negotiation: gRPC ports speak HTTP/2 only, the others HTTP/1.1.
            options.Protocols = listener.IsHttps ? HttpProtocols.Http1AndHttp2
                : listener.Kinds == DashboardListenerKinds.OtlpGrpc ? HttpProtocols.Http2
                : HttpProtocols.Http1;
            if (listener.IsHttps)
            {
                options.UseHttps();
            }

            var feature = new DashboardListenerFeature(listener.Kinds);
            options.Use(next => connection =>
            {
                connection.Features.Set<IDashboardListenerFeature>(feature);
                return next(connection);
            });
        }

        var host = listener.Url.Host;
        var port = listener.Url.Port;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            if (port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, port, Configure);
            }
            else
            {
                kestrel.ListenLocalhost(port, Configure);
            }
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
        {
            kestrel.Listen(address, port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(port, Configure);
        }
    }
}
