using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jewelry.Hosting;
using Jewelry.Tests.Stack;
using Npgsql;
using RabbitMQ.Client;

namespace Jewelry.Tests.Hosting;

[Collection(InfrastructureCollectionDefinition.Name)]
public sealed class InfrastructureTests(InfrastructureFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task Every_resource_is_healthy_after_start()
    {
        // A restart test of this collection may have run first: healthy means the AppHost sees all of them healthy again.
        await App.WaitUntilAllHealthyAsync();
        Assert.All(App.Resources, resource => Assert.True(resource.State == ResourceState.Healthy, $"{resource.Name} is {resource.State}: {resource.StateReason}"));
        Assert.Equal(["postgres", "shopdb", "messaging", "models"], App.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Connection_strings_have_the_form_Aspire_injects()
    {
        Assert.Matches(@"^Host=127\.0\.0\.1;Port=\d+;Username=postgres;Password=[A-Za-z0-9]{22}$", App.GetConnectionString("postgres"));
        Assert.Equal(App.GetConnectionString("postgres") + ";Database=shopdb", App.GetConnectionString("shopdb"));
        Assert.Matches(@"^amqp://guest:[A-Za-z0-9]{22}@127\.0\.0\.1:\d+$", App.GetConnectionString("messaging"));
        Assert.Matches(@"^Endpoint=http://127\.0\.0\.1:\d+;AccessKey=S3RVER;SecretKey=S3RVER;Bucket=models$", App.GetConnectionString("models"));
    }

    [Fact]
    public async Task The_database_connection_string_opens_the_database()
    {
        await using var connection = new NpgsqlConnection(App.GetConnectionString("shopdb"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal("shopdb", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_messaging_connection_string_opens_an_AMQP_connection()
    {
        var factory = new ConnectionFactory { Uri = new Uri(App.GetConnectionString("messaging")) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var queue = await channel.QueueDeclareAsync(exclusive: true, cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("amq.gen-", queue.QueueName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_endpoint_serves_the_HTTP_API_with_the_same_credentials()
    {
        var amqp = new Uri(App.GetConnectionString("messaging"));
        using var http = App.CreateHttpClient("messaging", "management");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));

        using var response = await http.GetAsync(new Uri("/api/overview", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_S3_store_serves_the_configured_bucket()
    {
        using var http = App.CreateHttpClient("models");

        var listing = await http.GetStringAsync(new Uri("/models", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<Name>models</Name>", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_are_on_the_loopback_interface()
    {
        Assert.Equal("127.0.0.1", App.GetEndpoint("postgres", "tcp").Host);
        Assert.Equal("tcp", App.GetEndpoint("messaging", "tcp").Scheme);
        Assert.Equal("http", App.GetEndpoint("messaging", "management").Scheme);
        Assert.Equal("http", App.GetEndpoint("models").Scheme);
        Assert.Throws<ArgumentException>(() => App.GetEndpoint("messaging"));
    }

    [Fact]
    public void Each_resource_writes_its_output_to_a_log_file_in_the_data_folder()
    {
        var log = Path.Combine(App.DataDirectory, "logs", "postgres.log");

        Assert.Contains("database system is ready to accept connections", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Contains("[postgres] ", fixture.Log, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^  messaging +healthy +after \d+\.\d s$", RegexOptions.Multiline), fixture.Log);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void The_state_file_lists_resources_with_pids_endpoints_and_connection_strings_and_only_its_owner_can_read_it()
    {
        using var state = JsonDocument.Parse(File.ReadAllText(fixture.StateFile));
        var resources = state.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.Equal(App.DataDirectory, state.RootElement.GetProperty("dataDirectory").GetString());
        Assert.Equal("rabbitmq", resources["messaging"].GetProperty("type").GetString());
        Assert.Equal("healthy", resources["messaging"].GetProperty("state").GetString());
        Assert.True(ProcessInspector.IsRunning(resources["messaging"].GetProperty("pid").GetInt32()));
        Assert.Equal(App.GetEndpoint("messaging", "management").ToString().TrimEnd('/'), resources["messaging"].GetProperty("endpoints").GetProperty("management").GetString());
        Assert.Equal(App.GetConnectionString("shopdb"), resources["shopdb"].GetProperty("connectionString").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.StateFile));
    }
}
