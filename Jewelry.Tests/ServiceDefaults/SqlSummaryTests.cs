using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
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
    public void A_batch_is_named_after_its_business_statement_not_the_messaging_bookkeeping()
    {
        const string batch = "INSERT INTO inbox_messages (message_id, consumer) VALUES (@p0, @p1);\nINSERT INTO outbox_messages (id, payload) VALUES (@p2, @p3);\nINSERT INTO price_calculations (id, order_id) VALUES (@p4, @p5);";

        Assert.Equal(("INSERT", "price_calculations"), SqlSummary.Summarize(batch));
        Assert.Equal(3, SqlSummary.StatementCount(batch));
        Assert.Equal(("INSERT", "inbox_messages"), SqlSummary.Summarize("INSERT INTO inbox_messages (message_id) VALUES (@p0);"));
    }

    [Fact]
    public void Nothing_recognisable_gives_nothing()
    {
        Assert.Equal((null, null), SqlSummary.Summarize("  "));
        Assert.Equal((null, null), SqlSummary.Summarize("VACUUM"));
    }
}
