namespace Jewelry.Hosting;

public static class RabbitMQBuilderExtensions
{
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddResource(new ParameterResource($"{name}-password", secret: true)).Resource;
        return builder.AddResource(new RabbitMQServerResource(name, password));
    }

    /// <summary>Enables the management UI and HTTP API on the <c>management</c> endpoint.</summary>
    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> builder)
    {
        builder.Resource.EnableManagementPlugin();
        return builder;
    }
}
