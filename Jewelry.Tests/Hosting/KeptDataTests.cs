using Jewelry.Hosting;
using Npgsql;

namespace Jewelry.Tests.Hosting;

public sealed class KeptDataTests
{
    [Fact]
    public async Task A_kept_data_folder_survives_and_the_next_run_finds_the_same_data_with_the_same_credentials()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"jewelry-kept-{Guid.NewGuid():N}");
        try
        {
            string firstConnectionString;
            await using (var first = Build(dataDirectory))
            {
                await first.StartAsync(TestContext.Current.CancellationToken);
                firstConnectionString = first.GetConnectionString("shopdb");
                await ExecuteAsync(firstConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            }

            Assert.True(Directory.Exists(Path.Combine(dataDirectory, "postgres", "data")), "the data folder was removed");

            await using var second = Build(dataDirectory);
            await second.StartAsync(TestContext.Current.CancellationToken);

            Assert.Equal(
                new NpgsqlConnectionStringBuilder(firstConnectionString).Password,
                new NpgsqlConnectionStringBuilder(second.GetConnectionString("shopdb")).Password);
            Assert.Equal(42, await ExecuteAsync(second.GetConnectionString("shopdb"), "SELECT id FROM kept"));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static DistributedApplication Build(string dataDirectory)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DataDirectory = dataDirectory, KeepData = true, Output = TextWriter.Null });
        builder.AddPostgres("postgres").AddDatabase("shopdb");
        return builder.Build();
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
