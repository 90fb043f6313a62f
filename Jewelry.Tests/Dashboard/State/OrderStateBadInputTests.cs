using Jewelry.Dashboard.Otlp.Decoding;
using Npgsql;

namespace Jewelry.Tests.Dashboard.State;

/// <summary>
/// Telemetry that does not say an order moved never moves it in the state: spans without status attributes, failed
/// transitions, late spans from a clock behind the others. A status that goes backwards is what the spans said.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class OrderStateBadInputTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource _store = null!;

    public async ValueTask InitializeAsync() => (_store, _) = await EmptyTelemetryStore.CreateAsync(fixture, "badinput");

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Spans_without_a_status_and_failed_transitions_leave_the_status_where_the_last_transition_put_it()
    {
        var order = Guid.NewGuid().ToString();
        await StateSpan.WriteAsync(_store, StateSpan.Transition(order, "SUBMITTED", s_now.AddMinutes(-30)));
        await StateSpan.WriteAsync(_store,
            StateSpan.Transition(order, to: null, s_now.AddMinutes(-20)),
            StateSpan.Hop(order, "POST /api/orders/{id}/approve", s_now.AddMinutes(-15)),
            StateSpan.Transition(order, "PRICE_CALCULATED", s_now.AddMinutes(-10), failed: true));

        var (status, enteredAt, lastName) = await StateAsync(order);
        Assert.Equal("SUBMITTED", status);
        Assert.Equal(s_now.AddMinutes(-30), enteredAt);
        Assert.Equal("order.transition -> PRICE_CALCULATED", lastName);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM order_transitions WHERE order_id = @order", order));
    }

    [Fact]
    public async Task An_order_only_hops_were_seen_of_has_no_status()
    {
        var order = Guid.NewGuid().ToString();
        await StateSpan.WriteAsync(_store, StateSpan.Hop(order, "GET /api/orders/{id}", s_now.AddMinutes(-5)));

        var (status, enteredAt, lastName) = await StateAsync(order);
        Assert.Null(status);
        Assert.Null(enteredAt);
        Assert.Equal("GET /api/orders/{id}", lastName);
    }

    [Fact]
    public async Task A_late_transition_from_a_clock_behind_does_not_move_the_order_back_but_splits_the_stay_it_falls_in()
    {
        var order = Guid.NewGuid().ToString();
        await StateSpan.WriteAsync(_store,
            StateSpan.Transition(order, "INITIATED", s_now.AddMinutes(-60)),
            StateSpan.Transition(order, "PRICE_CALCULATED", s_now.AddMinutes(-10)));
        await StateSpan.WriteAsync(_store, StateSpan.Transition(order, "SUBMITTED", s_now.AddMinutes(-40)));

        Assert.Equal("PRICE_CALCULATED", (await StateAsync(order)).Status);
        Assert.Equal(
            [("INITIATED", 20L), ("SUBMITTED", 30L)],
            await StaysAsync(order));
    }

    [Fact]
    public async Task A_status_that_goes_backwards_is_the_status_the_latest_transition_entered()
    {
        var order = Guid.NewGuid().ToString();
        await StateSpan.WriteAsync(_store,
            StateSpan.Transition(order, "PRICE_CALCULATED", s_now.AddMinutes(-30)),
            StateSpan.Transition(order, "SUBMITTED", s_now.AddMinutes(-5)));

        Assert.Equal(("SUBMITTED", s_now.AddMinutes(-5)), ((await StateAsync(order)).Status, (await StateAsync(order)).EnteredAt));
    }

    private async Task<(string? Status, DateTimeOffset? EnteredAt, string LastName)> StateAsync(string order)
    {
        await using var command = _store.CreateCommand("SELECT status, status_entered_at, last_name FROM order_state WHERE order_id = @order");
        command.Parameters.AddWithValue("order", order);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), $"no state for {order}");
        return (
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? null : UnixNano.ToDateTimeOffset(reader.GetInt64(1)),
            reader.GetString(2));
    }

    /// <summary>The measured stays of the order: status and minutes in it.</summary>
    private async Task<List<(string Status, long Minutes)>> StaysAsync(string order)
    {
        await using var command = _store.CreateCommand(
            "SELECT status, (left_at - entered_at) / 60000000000 FROM order_transitions WHERE order_id = @order AND left_at IS NOT NULL ORDER BY entered_at");
        command.Parameters.AddWithValue("order", order);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var stays = new List<(string, long)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            stays.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return stays;
    }

    private async Task<long> CountAsync(string sql, string order)
    {
        await using var command = _store.CreateCommand(sql);
        command.Parameters.AddWithValue("order", order);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
