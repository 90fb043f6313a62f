using System.Globalization;
using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Hosting;

/// <summary>
/// Runs epmd (owned by the AppHost, so it does not outlive the broker) and rabbitmq-server with its own
/// HOME, node name, ports and data folder. Node name, ports, password and mnesia folder stay the same
/// across restarts of the resource, so durable queues survive them.
/// </summary>
internal sealed class RabbitMQServerRunner : ResourceRunner
{
    private readonly RabbitMQServerResource _resource;
    private readonly int _distributionPort = PortAllocator.Next();
    private readonly int _epmdPort = PortAllocator.Next();
    private readonly SemaphoreSlim _connectionLock = new(1, 1);
    private IConnection? _healthConnection;

    public RabbitMQServerRunner(RabbitMQServerResource resource, RunContext context)
        : base(resource, context)
    {
        _resource = resource;
    }

    private RabbitMQInstallation Installation => Context.Tools.RabbitMQ!;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Context.Directory.CreateResourceDirectory(_resource.Name);
        var layout = new RabbitMQLayout(root);
        layout.Create();
        var nodeName = Context.GeneratedValues.GetOrCreate(
            $"{_resource.Name}.node-name",
            () => $"jewelry-{GeneratedValues.NewSecret(8).ToLowerInvariant()}@localhost");
        File.WriteAllText(layout.ConfigFile, RabbitMQConfiguration.Render(_resource));

        // rabbitmq-plugins enable --offline only writes this file; writing it here saves ~2.5 s of Erlang start-up.
        File.WriteAllText(layout.EnabledPluginsFile, _resource.ManagementPluginEnabled ? "[rabbitmq_management]." : "[].");

        await LaunchAsync(new ProcessSpec(Installation.Epmd, ["-port", Format(_epmdPort), "-address", EndpointAnnotation.LocalHost])
        {
            WorkingDirectory = root,
        }).ConfigureAwait(false);

        // If the broker finds no epmd it starts its own as a daemon, which nothing would ever stop.
        await WaitForEpmdAsync(_epmdPort, cancellationToken).ConfigureAwait(false);

        await LaunchAsync(new ProcessSpec(Installation.ServerScript, [])
        {
            WorkingDirectory = root,

            // A clean stop takes about 6 s with the management plugin; killing it earlier risks the message store.
            MinimumGracePeriod = TimeSpan.FromSeconds(30),
            Environment = new Dictionary<string, string>
            {
                ["HOME"] = layout.Home,
                ["RABBITMQ_NODENAME"] = nodeName,
                ["RABBITMQ_NODE_IP_ADDRESS"] = EndpointAnnotation.LocalHost,
                ["RABBITMQ_NODE_PORT"] = Format(_resource.PrimaryEndpoint.Endpoint.Port),
                ["RABBITMQ_DIST_PORT"] = Format(_distributionPort),
                ["ERL_EPMD_PORT"] = Format(_epmdPort),
                ["ERL_EPMD_ADDRESS"] = EndpointAnnotation.LocalHost,
                ["RABBITMQ_MNESIA_BASE"] = layout.Mnesia,
                ["RABBITMQ_LOG_BASE"] = layout.Logs,
                ["RABBITMQ_CONFIG_FILE"] = layout.ConfigFile,
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = layout.AdvancedConfigFile,
                ["RABBITMQ_CONF_ENV_FILE"] = layout.EnvironmentFile,
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = layout.EnabledPluginsFile,
                // Also quiets the boot messages logged before rabbitmq.conf's levels apply.
                ["RABBITMQ_LOG"] = "warning",
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",

                // The script otherwise forks the VM and waits for it, and the VM would not inherit the
                // parent-death signal; in "detached" mode it execs the VM, which then runs under our PID.
                ["detached"] = "true",
            },
        }).ConfigureAwait(false);
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        await _connectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One connection kept open: cheaper than connecting every probe, and it closes when the broker stops.
            if (_healthConnection is { IsOpen: true })
            {
                return HealthStatus.Healthy;
            }

            await CloseHealthConnectionAsync().ConfigureAwait(false);
            var factory = new ConnectionFactory
            {
                Uri = new Uri(_resource.ConnectionStringExpression.GetValue()),
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                ClientProvidedName = "jewelry-apphost-health",
            };
            _healthConnection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            return HealthStatus.Healthy;
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException or SocketException or TimeoutException)
        {
            return HealthStatus.Unhealthy($"AMQP: {exception.InnerException?.Message ?? exception.Message}");
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    public override async Task StopAsync()
    {
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await CloseHealthConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            _connectionLock.Release();
        }

        await base.StopAsync().ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _healthConnection?.Dispose();
        _connectionLock.Dispose();
        base.Dispose();
    }

    private async Task CloseHealthConnectionAsync()
    {
        if (_healthConnection is not null)
        {
            try
            {
                await _healthConnection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or OperationInterruptedException or AlreadyClosedException)
            {
                // Already broken; nothing to close.
            }

            _healthConnection = null;
        }
    }

    /// <summary>Asks epmd for its registered names (NAMES_REQ), which it answers once it listens.</summary>
    private static async Task WaitForEpmdAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(EndpointAnnotation.LocalHost, port, cancellationToken).ConfigureAwait(false);
                var stream = client.GetStream();
                await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, cancellationToken).ConfigureAwait(false);
                var answer = new byte[4];
                await stream.ReadExactlyAsync(answer, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when ((exception is SocketException or IOException) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);
}
