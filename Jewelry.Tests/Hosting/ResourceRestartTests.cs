using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Tests.Stack;
using Npgsql;
using RabbitMQ.Client;

namespace Jewelry.Tests.Hosting;

[Collection(InfrastructureCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class ResourceRestartTests(InfrastructureFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task Restarting_messaging_with_Aspires_commands_keeps_its_port_credentials_and_durable_messages()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var connectionString = await App.ConnectionStringAsync("messaging");
        var port = App.GetEndpoint("messaging", "tcp").Port;
        var queueName = $"restart-{Guid.NewGuid():N}";
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using (var connection = await factory.CreateConnectionAsync(cancellation))
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellation))
        {
            await channel.QueueDeclareAsync(queueName, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellation);
            await channel.BasicPublishAsync(string.Empty, queueName, mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("survives"), cancellation);
        }

        var wrapper = await App.ProcessIdAsync("messaging") ?? throw new InvalidOperationException("messaging has no pid");
        var processes = ProcessInspector.Descendants(wrapper).Append(wrapper).ToList();
        await App.StopResourceAsync("messaging", cancellation);

        Assert.Contains(await App.StateAsync("messaging"), KnownResourceStates.TerminalStates);
        await Eventually.WaitUntilAsync(
            () => processes.All(pid => !ProcessInspector.IsRunning(pid)),
            TimeSpan.FromSeconds(30),
            () => $"epmd and the broker have stopped: {string.Join(", ", processes.Where(ProcessInspector.IsRunning).Select(ProcessInspector.Describe))}");
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellation);
        });

        await App.StartResourceAsync("messaging", cancellation);

        Assert.Equal(port, App.GetEndpoint("messaging", "tcp").Port);
        Assert.Equal(connectionString, await App.ConnectionStringAsync("messaging"));
        await using (var connection = await factory.CreateConnectionAsync(cancellation))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellation))
        {
            var queue = await channel.QueueDeclarePassiveAsync(queueName, cancellation);
            Assert.Equal(1u, queue.MessageCount);
        }
    }

    [Fact]
    public async Task A_database_is_unhealthy_while_its_server_is_stopped_and_healthy_again_after_the_restart()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var connectionString = await App.ConnectionStringAsync("shopdb");

        await App.StopResourceAsync("postgres", cancellation);
        await App.ResourceNotifications.WaitForResourceAsync("shopdb", e => e.Snapshot.HealthStatus is not Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, cancellation)
            .WaitAsync(TimeSpan.FromSeconds(60), cancellation);
        await App.StartResourceAsync("postgres", cancellation);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("shopdb", cancellation).WaitAsync(TimeSpan.FromSeconds(60), cancellation);

        // Connections other tests of this process left in the pool died with the server.
        NpgsqlConnection.ClearAllPools();
        Assert.Equal(connectionString, await App.ConnectionStringAsync("shopdb"));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await App.WaitUntilAllHealthyAsync();
    }

    [Fact]
    public async Task A_postgres_server_from_before_the_kill_that_still_exists_is_ended_when_Aspire_starts_the_resource_again()
    {
        // Found by the chaos run: after a SIGKILL of the whole tree, Aspire's start came while the old server's process
        // still existed (exiting, not yet reaped), and PostgreSQL refused to start while the PID in its lock file did.
        // A stand-in under the old server's PID makes that moment certain.
        var cancellation = TestContext.Current.CancellationToken;
        var wrapper = await App.ProcessIdAsync("postgres") ?? throw new InvalidOperationException("postgres has no pid");
        var tree = ProcessInspector.Descendants(wrapper).Append(wrapper).ToList();
        var server = tree.Select(ProcessInspector.Describe).Single(line => line.Contains("bin/postgres -D", StringComparison.Ordinal) && !line.Contains("postgres.sh", StringComparison.Ordinal));
        var data = server.Split(' ').SkipWhile(arg => arg != "-D").Skip(1).First();
        foreach (var pid in tree)
        {
            Kill(pid);
        }

        await App.ResourceNotifications.WaitForResourceAsync("postgres", KnownResourceStates.TerminalStates, cancellation).WaitAsync(TimeSpan.FromSeconds(60), cancellation);
        using var standIn = System.Diagnostics.Process.Start("bash", ["-c", $"exec -a 'postgres -D {data}' sleep 300"]);
        var sockets = server.Split(' ').Single(arg => arg.StartsWith("unix_socket_directories=", StringComparison.Ordinal)).Split('=')[1].TrimEnd(')');
        foreach (var lockFile in Directory.GetFiles(sockets, ".s.PGSQL.*.lock").Append(Path.Combine(data, "postmaster.pid")))
        {
            var lines = await File.ReadAllLinesAsync(lockFile, cancellation);
            lines[0] = standIn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await File.WriteAllLinesAsync(lockFile, lines, cancellation);
        }

        try
        {
            await App.StartResourceAsync("postgres", cancellation);
        }
        catch (DistributedApplicationException exception)
        {
            throw new InvalidOperationException($"{exception.Message}{Environment.NewLine}{fixture.Log}", exception);
        }

        await Eventually.WaitUntilAsync(() => standIn.HasExited, TimeSpan.FromSeconds(10), "the stand-in for the old server was ended");
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await App.ConnectionStringAsync("shopdb"));
        await connection.OpenAsync(cancellation);
        await App.WaitUntilAllHealthyAsync();
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: false);
        }
        catch (ArgumentException)
        {
            // Gone already.
        }
    }
}
