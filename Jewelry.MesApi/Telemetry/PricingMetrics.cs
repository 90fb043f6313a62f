using System.Diagnostics.Metrics;
using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.MesApi.Telemetry;

/// <summary>How long price calculations take, by outcome: the design documents' "slow price calculation in MES".</summary>
public sealed class PricingMetrics(ServiceTelemetry telemetry)
{
    private readonly Histogram<double> _duration = telemetry.Meter.CreateHistogram<double>(
        "jewelry.price_calculation.duration", "s", "Time to download, analyse and price a model.");

    public void Record(TimeSpan duration, bool succeeded) =>
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
}
