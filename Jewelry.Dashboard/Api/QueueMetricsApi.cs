using Jewelry.Dashboard.Broker;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jewelry.Dashboard.Api;

/// <summary>RabbitMQ's queues as last read from its management API, as JSON.</summary>
public static class QueueMetricsApi
{
    public static IEndpointRouteBuilder MapQueueMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/queues").WithTags("Stages")
            .MapGet("/", GetQueuesAsync)
            .WithName("GetQueueDepths")
            .WithSummary("Messages waiting, unacknowledged messages and consumers per RabbitMQ queue, as last stored")
            .WithDescription("Read from the broker's management API every Dashboard:RabbitMQ:Interval and stored as metric points (rabbitmq.message.current, rabbitmq.consumer.count).");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<QueueDepth>>> GetQueuesAsync(QueueMetricsQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.LatestAsync(cancellationToken));
}
