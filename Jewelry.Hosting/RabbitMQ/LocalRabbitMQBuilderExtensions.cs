using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.LocalData;
using Jewelry.Hosting.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>
    /// Adds a RabbitMQ broker that runs the machine's own RabbitMQ and Erlang (no container engine needed), with its
    /// own node, epmd and ports, its data in the AppHost's data folder. Its connection string is that of
    /// <c>AddRabbitMQ</c>: <c>amqp://guest:...@host:port</c>.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var installation = RabbitMQInstallation.Locate(builder.Configuration);
        var data = LocalDataDirectory.For(builder);
        var layout = new RabbitMQLayout(Path.Combine(data.Path, name));

        var passwordParameter = password?.Resource
            ?? data.Password($"{name}-password");
        var broker = new LocalRabbitMQServerResource(name, passwordParameter, HostingScripts.Shell, layout.Root);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(broker, async (_, cancellationToken) =>
            connectionString = await broker.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(broker, async (_, cancellationToken) =>
        {
            StartProblemAnnotation.ThrowIfAny(broker, installation.Problem());

            data.EnsureCreated();
            layout.Create();
            var managementPort = await ManagementPortAsync(broker, cancellationToken).ConfigureAwait(false);
            var passwordValue = await passwordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
            await File.WriteAllTextAsync(layout.ConfigFile, RabbitMQConfiguration.Render(LocalRabbitMQNames.UserName, passwordValue, managementPort), cancellationToken).ConfigureAwait(false);
            File.SetUnixFileMode(layout.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            // rabbitmq-plugins enable --offline only writes this file; writing it here saves ~2.5 s of Erlang start-up.
            await File.WriteAllTextAsync(layout.EnabledPluginsFile, managementPort is null ? "[]." : "[rabbitmq_management].", cancellationToken).ConfigureAwait(false);
        });

        var healthCheckKey = $"{name}_check";
        var healthCheck = new RabbitMQBrokerHealthCheck(() => connectionString);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => healthCheck, failureStatus: null, tags: null));

        return builder.AddResource(broker)
            .WithEndpoint(name: LocalRabbitMQNames.PrimaryEndpointName, scheme: "tcp", isProxied: false, env: "RABBITMQ_NODE_PORT")
            .WithEndpoint(name: LocalRabbitMQNames.DistributionEndpointName, scheme: "tcp", isProxied: false, env: "RABBITMQ_DIST_PORT")
            .WithEndpoint(name: LocalRabbitMQNames.EpmdEndpointName, scheme: "tcp", isProxied: false, env: "ERL_EPMD_PORT")
            .WithArgs(context =>
            {
                context.Args.Add(HostingScripts.PathOf("rabbitmq.sh"));
                context.Args.Add(installation.Epmd ?? "epmd");
                context.Args.Add(installation.ServerScript ?? "rabbitmq-server");
            })
            .WithEnvironment(context =>
            {
                // The same node name every run: its data folder (mnesia) is per node name. Each broker has its own epmd,
                // so two AppHosts on one machine do not clash.
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = $"{name}@localhost";
                context.EnvironmentVariables["HOME"] = layout.Home;
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = layout.Mnesia;
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = layout.Logs;
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = layout.ConfigFile;
                context.EnvironmentVariables["RABBITMQ_ADVANCED_CONFIG_FILE"] = layout.AdvancedConfigFile;
                context.EnvironmentVariables["RABBITMQ_CONF_ENV_FILE"] = layout.EnvironmentFile;
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = layout.EnabledPluginsFile;

                // Also quiets the boot messages logged before rabbitmq.conf's levels apply.
                context.EnvironmentVariables["RABBITMQ_LOG"] = "error";

                // Distribution on loopback only. RabbitMQ itself stops within milliseconds of SIGTERM (its message stores
                // flushed), then the Erlang VM idles about 6 s before it exits; Aspire waits some 15 s for a stop in all,
                // so the VM's own shutdown is bounded at 2 s.
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -shutdown_time 2000";
            })
            .WithIconName("MailMultiple")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }

    /// <summary>The port the management plugin listens on, or null when it is not enabled.</summary>
    private static async Task<int?> ManagementPortAsync(LocalRabbitMQServerResource broker, CancellationToken cancellationToken)
    {
        if (!broker.TryGetEndpoints(out var endpoints) || endpoints.All(e => e.Name != LocalRabbitMQNames.ManagementEndpointName))
        {
            return null;
        }

        var port = await broker.GetEndpoint(LocalRabbitMQNames.ManagementEndpointName).Property(EndpointProperty.TargetPort).GetValueAsync(cancellationToken).ConfigureAwait(false);
        return int.Parse(port ?? throw new DistributedApplicationException($"'{broker.Name}' has no management port yet."), CultureInfo.InvariantCulture);
    }

    /// <summary>Enables the management UI and HTTP API on the <c>management</c> endpoint, as <c>WithManagementPlugin</c> does for the container.</summary>
    public static IResourceBuilder<LocalRabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<LocalRabbitMQServerResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithHttpEndpoint(name: LocalRabbitMQNames.ManagementEndpointName, isProxied: false);
    }
}
