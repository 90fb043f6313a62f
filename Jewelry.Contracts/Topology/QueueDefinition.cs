namespace Jewelry.Contracts.Topology;

/// <summary>A durable work queue, the routing keys bound to it, and its dead-letter queue.</summary>
public sealed record QueueDefinition(string Name, IReadOnlyList<string> RoutingKeys)
{
    public string DeadLetterQueue => $"{Name}.dead-letter";
}
