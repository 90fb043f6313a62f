using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;
using Npgsql;
using RabbitMQ.Client;

namespace Jewelry.Tests.Corpus;

/// <summary>
/// What a client's requests may change, read directly from the servers: every row of every table of the business
/// databases and of the token server's (shopdb, mesdb, identitydb; a count and a digest per table), every queue of the
/// broker with its messages (dead-letter queues included) and every object of the S3 bucket with its ETag. telemetrydb is left out: the dashboard writes
/// each span, log and audit entry the corpus's own requests cause, so it changes on every request by design.
/// </summary>
internal sealed record StackStateSnapshot(IReadOnlyDictionary<string, string> Entries)
{
    public static readonly string[] Databases = ["shopdb", "mesdb", "identitydb"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<StackStateSnapshot> TakeAsync(DistributedApplication app)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            await ReadTablesAsync(app, database, entries);
        }

        await ReadQueuesAsync(app, entries);
        await ReadObjectsAsync(app, entries);
        return new StackStateSnapshot(entries);
    }

    /// <summary>Takes snapshots until two in a row agree: what earlier tests set in motion (a price in flight) settles first.</summary>
    public static async Task<StackStateSnapshot> TakeSettledAsync(DistributedApplication app, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        var previous = await TakeAsync(app);
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            var current = await TakeAsync(app);
            if (current.Differences(previous).Count == 0)
            {
                return current;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The stack did not settle within {within.TotalSeconds:0} s: {string.Join("; ", current.Differences(previous))}");
            }

            previous = current;
        }
    }

    public IReadOnlyList<string> Differences(StackStateSnapshot before) =>
        [.. Entries.Keys.Union(before.Entries.Keys)
            .Where(key => Entries.GetValueOrDefault(key) != before.Entries.GetValueOrDefault(key))
            .Select(key => $"{key}: {before.Entries.GetValueOrDefault(key) ?? "absent"} -> {Entries.GetValueOrDefault(key) ?? "absent"}")];

    private static async Task ReadTablesAsync(DistributedApplication app, string database, SortedDictionary<string, string> entries)
    {
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(database));
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(table);
            await using var digest = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {quoted} t", connection);
            await using var reader = await digest.ExecuteReaderAsync(Ct);
            await reader.ReadAsync(Ct);
            entries[$"{database}.{table}"] = $"{reader.GetInt64(0)} rows {reader.GetString(1)}";
        }
    }

    /// <summary>
    /// The queues as the management API lists them; their message counts from the broker itself, since the management
    /// API's counts are statistics refreshed every few seconds and would miss a message published just now.
    /// </summary>
    private static async Task ReadQueuesAsync(DistributedApplication app, SortedDictionary<string, string> entries)
    {
        var amqp = new Uri(await app.ConnectionStringAsync("messaging"));
        using var management = app.CreateHttpClient("messaging", "management");
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        using var queues = JsonDocument.Parse(await management.GetStringAsync(new Uri("/api/queues?columns=name,vhost", UriKind.Relative), Ct));

        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync(Ct);
        foreach (var queue in queues.RootElement.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString()!;
            if (name.StartsWith("amq.gen-", StringComparison.Ordinal))
            {
                continue; // a client's exclusive reply queue, not the system's
            }

            await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
            var declared = await channel.QueueDeclarePassiveAsync(name, Ct);
            entries[$"queue {name}"] = $"{declared.MessageCount} messages";
        }
    }

    private static async Task ReadObjectsAsync(DistributedApplication app, SortedDictionary<string, string> entries)
    {
        var (client, bucket) = await ModelStore.ConnectAsync(app);
        using var _ = client;

        // One page only: s3rver answers 500 to truncated listings (Jewelry.ServiceDefaults/README.md), so a bucket this
        // large is reported rather than paged through.
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1000 }, Ct);
        if (listing.IsTruncated == true)
        {
            throw new InvalidOperationException($"The bucket {bucket} holds more than 1000 objects; the snapshot would be partial.");
        }

        foreach (var item in listing.S3Objects ?? [])
        {
            entries[$"s3 {item.Key}"] = $"{item.Size} bytes {item.ETag}";
        }

        entries["s3 object count"] = (listing.S3Objects?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
