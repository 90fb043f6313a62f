using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Jewelry.MesApi.Telemetry;
using Jewelry.Messaging.Diagnostics;
using Jewelry.ServiceDefaults.Telemetry;
using Jewelry.ShopData.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Jewelry.Tests.Deploy;

/// <summary>
/// The Prometheus series the services' own instruments become, read from the instruments themselves: the classes that
/// create them are constructed here and a <see cref="MeterListener"/> reports every <c>Jewelry.*</c> instrument.
/// </summary>
internal static class ServiceMetricNames
{
    public static IReadOnlySet<string> PrometheusSeries()
    {
        var instruments = new ConcurrentDictionary<string, Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name.StartsWith(ServiceTelemetry.NamePrefix, StringComparison.Ordinal))
                {
                    instruments.TryAdd(instrument.Name, instrument);
                }
            },
        };
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        using var messaging = new MessagingMetrics(meterFactory);
        using var mes = new ServiceTelemetry(new HostingEnvironment { ApplicationName = "Jewelry.MesApi" }, meterFactory);
        _ = new PricingMetrics(mes);
        RuntimeHelpers.RunClassConstructor(typeof(OrderTransitionSpans).TypeHandle);
        listener.Start();

        return instruments.Values.SelectMany(i => PrometheusNames.Series(i.Name, i.Unit, ShapeOf(i))).ToHashSet();
    }

    private static MetricShape ShapeOf(Instrument instrument)
    {
        var definition = instrument.GetType().GetGenericTypeDefinition();
        return definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? MetricShape.Counter
            : definition == typeof(Histogram<>) ? MetricShape.Histogram
            : MetricShape.Gauge;
    }
}
