using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.ServiceDefaults;

public sealed class SqlSummaryTests
{
    [Theory]
    [InlineData("SELECT o.id, o.status FROM orders AS o WHERE o.id = @__id_0 LIMIT 1", "SELECT", "orders")]
    [InlineData("INSERT INTO order_status_history (order_id, to_status) VALUES (@p0, @p1) RETURNING id", "INSERT", "order_status_history")]
    [InlineData("UPDATE orders SET status = @p0 WHERE id = @p1 AND xmin = @p2", "UPDATE", "orders")]
    [InlineData("DELETE FROM public.inbox_messages WHERE processed_at < @p0", "DELETE", "inbox_messages")]
    [InlineData("SELECT EXISTS (\n    SELECT 1\n    FROM \"inbox_messages\" AS i\n    WHERE i.message_id = @p)", "SELECT", "inbox_messages")]
    [InlineData("SELECT 1", "SELECT", null)]
    [InlineData("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", "LOCK", null)]
    public void Operation_and_table_come_from_the_statement(string sql, string operation, string? table)
    {
        Assert.Equal((operation, table), SqlSummary.Summarize(sql));
    }

    [Fact]
    public void Nothing_recognisable_gives_nothing()
    {
        Assert.Equal((null, null), SqlSummary.Summarize("  "));
        Assert.Equal((null, null), SqlSummary.Summarize("VACUUM"));
    }
}
