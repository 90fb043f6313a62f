using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Broker;

/// <summary>
/// Reads every queue's ready and unacknowledged messages and consumer count from RabbitMQ's management API each
/// <c>Dashboard:RabbitMQ:Interval</c> and stores them as gauge points in <c>metric_points</c>, beside the metrics the
/// services export, under the broker's own resource. An unreachable broker is logged and tried again next interval.
/// </summary>
public sealed class QueueMetricsCollector(
    IHttpClientFactory httpClients,
    TelemetryWriter writer,
    TelemetryStoreReadiness readiness,
    IOptions<BrokerMetricsOptions> options,
    TimeProvider time,
    ILogger<QueueMetricsCollector> logger) : BackgroundService
{
    public const string HttpClientName = "rabbitmq-management";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ManagementUrl is not { } url)
        {
            return;
        }

        await readiness.WaitAsync(stoppingToken);
        var resource = Resource(settings.ServiceName);
        using var timer = new PeriodicTimer(settings.Interval, time);
        do
        {
            try
            {
                var queues = await ReadQueuesAsync(url, settings, stoppingToken);
                await writer.WriteAsync([ToBatch(queues, resource, time.GetUtcNow())], stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not read the queues from RabbitMQ's management API at {Url}: {Message}", url, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IReadOnlyList<ManagementQueueInfo>> ReadQueuesAsync(Uri url, BrokerMetricsOptions settings, CancellationToken cancellationToken)
    {
        using var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "api/queues?columns=name,vhost,messages_ready,messages_unacknowledged,consumers"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}")));
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<ManagementQueueInfo>>(cancellationToken) ?? [];
    }

    internal static TelemetryBatch ToBatch(IEnumerable<ManagementQueueInfo> queues, ResourceRecord resource, DateTimeOffset now)
    {
        var batch = new TelemetryBatch(TelemetrySignal.Metrics);
        var at = UnixNano.FromDateTimeOffset(now);
        var scope = new ScopeRecord(QueueMetricNames.ScopeName, null, null);
        foreach (var queue in queues)
        {
            MetricPointRecord Point(string name, string unit, long value, string? state) => new()
            {
                TimeUnixNano = at,
                StartTimeUnixNano = at,
                Resource = resource,
                Scope = scope,
                MetricName = name,
                Unit = unit,
                Type = MetricType.Gauge,
                AttributesJson = JsonSerializer.Serialize(state is null
                    ? new SortedDictionary<string, string>(StringComparer.Ordinal) { [QueueMetricNames.QueueAttribute] = queue.Name, [QueueMetricNames.VhostAttribute] = queue.Vhost }
                    : new SortedDictionary<string, string>(StringComparer.Ordinal) { [QueueMetricNames.QueueAttribute] = queue.Name, [QueueMetricNames.VhostAttribute] = queue.Vhost, [QueueMetricNames.StateAttribute] = state }),
                Value = value,
            };

            batch.MetricPoints.Add(Point(QueueMetricNames.Messages, "{message}", queue.MessagesReady ?? 0, QueueMetricNames.Ready));
            batch.MetricPoints.Add(Point(QueueMetricNames.Messages, "{message}", queue.MessagesUnacknowledged ?? 0, QueueMetricNames.Unacknowledged));
            batch.MetricPoints.Add(Point(QueueMetricNames.Consumers, "{consumer}", queue.Consumers ?? 0, null));
        }

        return batch;
    }

    /// <summary>The broker as a resource of its own, its id hashed from its attributes as the OTLP decoder does.</summary>
    private static ResourceRecord Resource(string serviceName)
    {
        var json = JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal) { ["messaging.system"] = "rabbitmq", ["service.name"] = serviceName });
        var id = BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new ResourceRecord(id, serviceName, null, json, 0);
    }
}
