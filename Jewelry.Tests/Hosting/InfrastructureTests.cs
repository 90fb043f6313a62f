using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jewelry.Tests.Stack;
using Npgsql;
using RabbitMQ.Client;

namespace Jewelry.Tests.Hosting;

[Collection(InfrastructureCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class InfrastructureTests(InfrastructureFixture fixture)
{
    private DistributedApplication App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_resource_is_healthy_after_start()
    {
        // A restart test of this collection may have run first: healthy means Aspire sees all of them healthy again.
        await App.WaitUntilAllHealthyAsync();

        Assert.Equal(["postgres", "shopdb", "messaging", "models"], App.ModelResources().Select(r => r.Name));
    }

    [Fact]
    public async Task Connection_strings_have_the_form_of_Aspires_containers()
    {
        var postgres = await App.ConnectionStringAsync("postgres");

        Assert.Matches(@"^Host=127\.0\.0\.1;Port=\d+;Username=postgres;Password=[A-Za-z0-9]{22}$", postgres);
        Assert.Equal(postgres + ";Database=shopdb", await App.ConnectionStringAsync("shopdb"));
        Assert.Matches(@"^amqp://guest:[A-Za-z0-9]{22}@127\.0\.0\.1:\d+$", await App.ConnectionStringAsync("messaging"));
        Assert.Matches(@"^Endpoint=http://127\.0\.0\.1:\d+;AccessKey=S3RVER;SecretKey=S3RVER;Bucket=models$", await App.ConnectionStringAsync("models"));
    }

    [Fact]
    public async Task The_database_connection_string_opens_the_database_created_for_it()
    {
        await using var connection = new NpgsqlConnection(await App.ConnectionStringAsync("shopdb"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal("shopdb", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task The_messaging_connection_string_opens_an_AMQP_connection()
    {
        var factory = new ConnectionFactory { Uri = new Uri(await App.ConnectionStringAsync("messaging")) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var queue = await channel.QueueDeclareAsync(exclusive: true, cancellationToken: Ct);

        Assert.StartsWith("amq.gen-", queue.QueueName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_endpoint_serves_the_HTTP_API_with_the_same_credentials()
    {
        var amqp = new Uri(await App.ConnectionStringAsync("messaging"));
        using var http = App.CreateHttpClient("messaging", "management");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));

        using var response = await http.GetAsync(new Uri("/api/overview", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_S3_store_serves_the_configured_bucket()
    {
        using var http = App.CreateHttpClient("models");

        var listing = await http.GetStringAsync(new Uri("/models", UriKind.Relative), Ct);

        Assert.Contains("<Name>models</Name>", listing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", "tcp")]
    [InlineData("messaging", "tcp")]
    [InlineData("messaging", "management")]
    [InlineData("models", "http")]
    public async Task Servers_listen_on_the_loopback_interface_only(string resource, string endpoint)
    {
        var port = App.GetEndpoint(resource, endpoint).Port;
        var listeners = await File.ReadAllLinesAsync("/proc/net/tcp", Ct);

        // Local address column: 0100007F is 127.0.0.1; a wildcard listener would be 00000000.
        var local = listeners.Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A")
            .Select(fields => fields[1])
            .Where(address => int.Parse(address[(address.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) == port)
            .ToList();
        Assert.Equal([$"0100007F:{port:X4}"], local);
    }

    [Fact]
    public async Task Each_resource_keeps_its_console_output_in_a_log_file_of_the_data_folder()
    {
        var log = Path.Combine(await DataDirectoryAsync(), "logs", "postgres.log");

        await Eventually.WaitUntilAsync(
            () => File.Exists(log) && File.ReadAllText(log).Contains("database system is ready to accept connections", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            () => $"postgres.log holds the server's start: {(File.Exists(log) ? File.ReadAllText(log) : "no file")}");
        Assert.Matches(new Regex(@"Jewelry\.AppHost: messaging +healthy +after \d+\.\d s$", RegexOptions.Multiline), fixture.Log);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task The_state_file_lists_resources_with_pids_endpoints_and_connection_strings_and_only_its_owner_can_read_it()
    {
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(fixture.StateFile, Ct));
        var resources = state.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.True(Directory.Exists(state.RootElement.GetProperty("dataDirectory").GetString()));
        Assert.Equal("rabbitmq", resources["messaging"].GetProperty("type").GetString());
        Assert.Equal("healthy", resources["messaging"].GetProperty("state").GetString());
        Assert.True(ProcessInspector.IsRunning(resources["messaging"].GetProperty("pid").GetInt32()));
        Assert.Equal(App.GetEndpoint("messaging", "management").ToString().TrimEnd('/'), resources["messaging"].GetProperty("endpoints").GetProperty("management").GetString());
        Assert.Equal(await App.ConnectionStringAsync("shopdb"), resources["shopdb"].GetProperty("connectionString").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.StateFile));
    }

    private async Task<string> DataDirectoryAsync()
    {
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(fixture.StateFile, Ct));
        return state.RootElement.GetProperty("dataDirectory").GetString()!;
    }
}
