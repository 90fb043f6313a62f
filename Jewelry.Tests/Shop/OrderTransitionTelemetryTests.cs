using System.Diagnostics;
using System.Diagnostics.Metrics;
using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Data;
using Jewelry.ShopData.Domain;
using Jewelry.ShopData.Telemetry;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jewelry.Tests.Shop;

/// <summary>
/// Status changes saved to a real PostgreSQL database through the interceptor the services use: a saved change is
/// counted and timed, one whose save fails is not, and its span says why.
/// </summary>
[Collection(InfrastructureCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OrderTransitionTelemetryTests(InfrastructureFixture fixture) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset s_createdAt = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private readonly OrderTransitionSpans _interceptor = new();
    private readonly MeterListener _meters = new();
    private ActivityListener? _spans;
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly List<Activity> _stopped = [];
    private string _connectionString = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OrderTransitionSpans.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrderTransitionSpans.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_stopped) { _stopped.Add(activity); } },
        };
        ActivitySource.AddActivityListener(_spans);

        var database = $"transitions_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(await fixture.App.ConnectionStringAsync("postgres")))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _connectionString = new NpgsqlConnectionStringBuilder(await fixture.App.ConnectionStringAsync("postgres")) { Database = database }.ConnectionString;
        await using var db = Context();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
        _meters.Dispose();
        _spans?.Dispose();
    }

    [Fact]
    public async Task A_saved_change_is_counted_and_timed_and_one_whose_save_fails_is_not_counted_and_its_span_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = Order.Create(new OrderDetails("customer-42", "ring", "gold-585", "17", null), s_createdAt, OrderSources.ShopApi);
        await using (var db = Context())
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = Context())
        {
            var stored = await db.Orders.SingleAsync(o => o.Id == order.Id, ct);
            stored.MoveTo(OrderStatus.FileUploaded, s_createdAt.AddMinutes(3), OrderSources.ShopApi);
            await db.SaveChangesAsync(ct);
        }

        // Another writer changes the order between this context's read and its save: the save fails on the row version.
        await using (var db = Context())
        {
            var stored = await db.Orders.SingleAsync(o => o.Id == order.Id, ct);
            await db.Database.ExecuteSqlAsync($"UPDATE orders SET updated_at = updated_at WHERE id = {order.Id}", ct);
            stored.MoveTo(OrderStatus.Submitted, s_createdAt.AddMinutes(5), OrderSources.ShopApi);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(ct));
        }

        Assert.Equal(
            [("(new)", "INITIATED"), ("INITIATED", "FILE_UPLOADED")],
            Measurements("jewelry.order.transitions").Select(m => ((string?)m.Tags["order.status.from"], (string?)m.Tags["order.status.to"])));
        var timed = Assert.Single(Measurements("jewelry.order.status.duration"));
        Assert.Equal(180, timed.Value);
        Assert.Equal("INITIATED", timed.Tags["order.status"]);

        var spans = _stopped.Where(s => (string?)s.GetTagItem("order.id") == order.Id.ToString()).ToList();
        Assert.Equal(["order.transition (new) -> INITIATED", "order.transition INITIATED -> FILE_UPLOADED", "order.transition FILE_UPLOADED -> SUBMITTED"], spans.Select(s => s.DisplayName));
        Assert.All(spans[..2], s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.Equal(ActivityStatusCode.Error, spans[2].Status);
        Assert.StartsWith("The transition was not saved: ", spans[2].StatusDescription, StringComparison.Ordinal);
        Assert.Equal(typeof(DbUpdateConcurrencyException).FullName, spans[2].GetTagItem("error.type"));
    }

    private ShopDbContext Context() =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseNpgsql(_connectionString).AddInterceptors(_interceptor).Options);

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).ToList();
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, object?>(tags.ToArray())));
        }
    }
}
