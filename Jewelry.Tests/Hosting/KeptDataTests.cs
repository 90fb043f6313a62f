using Jewelry.Hosting;
using Jewelry.Tests.Stack;
using Npgsql;

namespace Jewelry.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class KeptDataTests
{
    [Fact]
    public async Task A_kept_data_folder_survives_and_the_next_run_finds_the_same_data_with_the_same_credentials()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"jewelry-kept-{Guid.NewGuid():N}");
        using var log = new TestLog();
        try
        {
            string firstConnectionString;
            var first = await StartAsync(dataDirectory, log);
            try
            {
                firstConnectionString = await first.ConnectionStringAsync("shopdb");
                await ExecuteAsync(firstConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            }
            finally
            {
                await first.StopAndDisposeAsync();
            }

            Assert.True(Directory.Exists(Path.Combine(dataDirectory, "postgres", "data")), "the data folder was removed");

            var second = await StartAsync(dataDirectory, log);
            try
            {
                var secondConnectionString = await second.ConnectionStringAsync("shopdb");

                Assert.Equal(new NpgsqlConnectionStringBuilder(firstConnectionString).Password, new NpgsqlConnectionStringBuilder(secondConnectionString).Password);
                Assert.Equal(42, await ExecuteAsync(secondConnectionString, "SELECT id FROM kept"));
            }
            finally
            {
                await second.StopAndDisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<DistributedApplication> StartAsync(string dataDirectory, TestLog log)
    {
        var builder = LocalInfrastructure.CreateBuilder(log, AppHostArguments.Expand(["--keep-data", "--data-dir", dataDirectory]));
        builder.AddLocalPostgres("postgres").AddDatabase("shopdb");
        return await JewelryAppHost.StartAsync(builder, log);
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
#pragma warning disable CA2100 // Test SQL, no input.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
