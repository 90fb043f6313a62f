namespace Jewelry.Hosting.RabbitMQ;

/// <summary>What the local broker has in common with Aspire's RabbitMQ container, so a service cannot tell them apart.</summary>
internal static class LocalRabbitMQNames
{
    public const string UserName = "guest";
    public const string PrimaryEndpointName = "tcp";
    public const string ManagementEndpointName = "management";
    public const string DistributionEndpointName = "dist";
    public const string EpmdEndpointName = "epmd";
}
