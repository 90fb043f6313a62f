using System.Diagnostics;
using OpenTelemetry;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Copies <c>order.id</c> and <c>user.id</c> from baggage onto every span as it starts, so library
/// spans (Npgsql, HttpClient, RabbitMQ) carry them too and any span can be found by order.
/// </summary>
internal sealed class BaggageToTagsProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        foreach (var key in OrderTelemetry.PropagatedKeys)
        {
            if (data.GetTagItem(key) is null && data.GetBaggageItem(key) is { Length: > 0 } value)
            {
                data.SetTag(key, value);
            }
        }
    }
}
