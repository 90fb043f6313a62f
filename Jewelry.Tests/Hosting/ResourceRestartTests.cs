using System.Net.Sockets;
using System.Text;
using Jewelry.Hosting;
using Jewelry.Tests.Stack;
using Npgsql;
using RabbitMQ.Client;

namespace Jewelry.Tests.Hosting;

[Collection(InfrastructureCollectionDefinition.Name)]
public sealed class ResourceRestartTests(InfrastructureFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task Restarting_messaging_keeps_its_port_credentials_and_durable_messages()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var connectionString = App.GetConnectionString("messaging");
        var port = App.GetEndpoint("messaging", "tcp").Port;
        var queueName = $"restart-{Guid.NewGuid():N}";
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using (var connection = await factory.CreateConnectionAsync(cancellation))
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellation))
        {
            await channel.QueueDeclareAsync(queueName, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellation);
            await channel.BasicPublishAsync(string.Empty, queueName, mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("survives"), cancellation);
        }

        var oldPids = App.Resources.Single(r => r.Name == "messaging").ProcessIds;
        await App.StopResourceAsync("messaging", cancellation);

        Assert.Equal(ResourceState.Stopped, App.GetResourceState("messaging"));
        Assert.All(oldPids, pid => Assert.False(ProcessInspector.IsRunning(pid), $"{ProcessInspector.Describe(pid)} still runs after stop"));
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellation);
        });

        await App.StartResourceAsync("messaging", cancellation);

        Assert.Equal(ResourceState.Healthy, App.GetResourceState("messaging"));
        Assert.Equal(port, App.GetEndpoint("messaging", "tcp").Port);
        Assert.Equal(connectionString, App.GetConnectionString("messaging"));
        await using (var connection = await factory.CreateConnectionAsync(cancellation))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellation))
        {
            var queue = await channel.QueueDeclarePassiveAsync(queueName, cancellation);
            Assert.Equal(1u, queue.MessageCount);
        }
    }

    [Fact]
    public async Task A_server_that_stops_is_reported_unhealthy_by_its_dependents_probe_and_healthy_again_after_restart()
    {
        var cancellation = TestContext.Current.CancellationToken;

        await App.StopResourceAsync("postgres", cancellation);
        await App.WaitForResourceStateAsync("shopdb", ResourceState.Unhealthy, cancellation).WaitAsync(TimeSpan.FromSeconds(60), cancellation);
        await App.StartResourceAsync("postgres", cancellation);

        // Connections other tests of this process left in the pool died with the server.
        NpgsqlConnection.ClearAllPools();
        await App.WaitForResourceStateAsync("shopdb", ResourceState.Healthy, cancellation).WaitAsync(TimeSpan.FromSeconds(60), cancellation);

        Assert.Contains("  shopdb       unhealthy", fixture.Log, StringComparison.Ordinal);
        await App.WaitUntilAllHealthyAsync();
    }
}
