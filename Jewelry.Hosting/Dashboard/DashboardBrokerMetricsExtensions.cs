using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.RabbitMQ;

namespace Aspire.Hosting;

public static class DashboardBrokerMetricsExtensions
{
    /// <summary>
    /// Lets the Jewelry dashboard read queue depths, unacknowledged messages and consumers from the broker's management API:
    /// its URL and credentials, whether the broker is the machine's own RabbitMQ or Aspire's container. The dashboard does
    /// not wait for the broker; it reads the queues from the next interval once it answers.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBrokerMetrics(this IResourceBuilder<ProjectResource> dashboard, IResourceBuilder<IResourceWithConnectionString> broker)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(broker);

        var (management, userName, password) = broker.Resource switch
        {
            RabbitMQServerResource container => (container.ManagementEndpoint, container.UserNameReference, container.PasswordParameter),
            LocalRabbitMQServerResource local => (local.GetEndpoint(LocalRabbitMQNames.ManagementEndpointName), ReferenceExpression.Create($"{LocalRabbitMQNames.UserName}"), local.PasswordParameter),
            _ => throw new ArgumentException($"'{broker.Resource.Name}' is not a RabbitMQ broker.", nameof(broker)),
        };

        return dashboard
            .WithEnvironment("Dashboard__RabbitMQ__ManagementUrl", management)
            .WithEnvironment("Dashboard__RabbitMQ__UserName", userName)
            .WithEnvironment("Dashboard__RabbitMQ__Password", ReferenceExpression.Create($"{password}"))
            .WithEnvironment("Dashboard__RabbitMQ__ServiceName", broker.Resource.Name);
    }
}
