using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// The servers the app needs, in the form this run can have: Aspire's containers when publishing (or when
/// <c>Jewelry:Containers</c> asks for them, <c>--containers</c>), otherwise the machine's own PostgreSQL, RabbitMQ
/// and s3rver as executables. Both forms give the same resource names and connection strings, so a service that
/// references them cannot tell which it got.
/// </summary>
public static class InfrastructureBuilderExtensions
{
    public static bool UsesContainers(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ExecutionContext.IsPublishMode || builder.Configuration.GetValue<bool>(AppHostSettings.Containers);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresServer(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        builder.UsesContainers()
            ? builder.AddPostgres(name).WithImageTag(ContainerImages.PostgresTag).WithDataVolume()
            : builder.AddLocalPostgres(name);

    /// <summary>A database of a server from <see cref="AddPostgresServer"/>, whichever form it took.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddDatabase(this IResourceBuilder<IResourceWithConnectionString> server, [ResourceName] string name) =>
        server switch
        {
            IResourceBuilder<PostgresServerResource> container => container.AddDatabase(name),
            IResourceBuilder<LocalPostgresServerResource> local => local.AddDatabase(name),
            _ => throw new ArgumentException($"'{server.Resource.Name}' is not a PostgreSQL server.", nameof(server)),
        };

    public static IResourceBuilder<IResourceWithConnectionString> AddRabbitMQServer(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        builder.UsesContainers()
            ? builder.AddRabbitMQ(name).WithManagementPlugin().WithImageTag(ContainerImages.RabbitMQTag).WithDataVolume()
            : builder.AddLocalRabbitMQ(name).WithManagementPlugin();

    public static IResourceBuilder<IResourceWithConnectionString> AddS3Store(this IDistributedApplicationBuilder builder, [ResourceName] string name, string bucket) =>
        builder.UsesContainers()
            ? builder.AddMinio(name, bucket)
            : builder.AddLocalS3Store(name, bucket);
}
