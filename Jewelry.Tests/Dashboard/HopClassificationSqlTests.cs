using System.Text.Json;
using Jewelry.Dashboard.Orders;
using Npgsql;

namespace Jewelry.Tests.Dashboard;

/// <summary>The SQL form of the hop classification (used by aggregates) agrees with the C# one (used by journeys), in real PostgreSQL.</summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class HopClassificationSqlTests(DashboardFixture fixture)
{
    public static TheoryData<string> Attributes =>
    [
        """{"order.status.to": "SUBMITTED", "db.system.name": "postgresql"}""",
        """{"messaging.system": "rabbitmq", "http.request.method": "POST"}""",
        """{"db.system.name": "postgresql"}""",
        """{"db.system": "postgresql"}""",
        """{"rpc.service": "S3", "http.request.method": "GET"}""",
        """{"rpc.service": "Other"}""",
        """{"http.request.method": "GET"}""",
        """{"order.id": "x"}""",
    ];

    [Theory]
    [MemberData(nameof(Attributes))]
    public async Task Sql_and_csharp_classify_a_span_the_same_way(string attributes)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {HopClassification.SqlExpression("s")} FROM (SELECT @attributes::jsonb AS attributes) s", connection);
        command.Parameters.AddWithValue("attributes", attributes);

        var sql = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HopClassification.Classify(JsonDocument.Parse(attributes).RootElement), HopClassification.Parse(sql));
    }
}
