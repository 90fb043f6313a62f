using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Jewelry.Contracts.Orders;
using Jewelry.ServiceDefaults.Telemetry;
using Jewelry.ShopData.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jewelry.ShopData.Telemetry;

/// <summary>
/// Every status change saved to shopdb becomes an <c>order.transition</c> span with
/// <c>order.status.from</c> / <c>order.status.to</c>, timed over the save that records it; a failed save
/// leaves an Error span. Whichever service writes the change (Shop or CRM), the status timeline can be
/// read from traces alone. The same saves feed the metrics, once they succeed: transitions per status and
/// the time an order spent in the status it left.
/// </summary>
public sealed class OrderTransitionSpans : SaveChangesInterceptor
{
    public const string SourceName = "Jewelry.ShopData";

    private static readonly ActivitySource s_source = new(SourceName);
    private static readonly Meter s_meter = new(SourceName);
    private static readonly Counter<long> s_transitions = s_meter.CreateCounter<long>(
        "jewelry.order.transitions", "{transition}", "Order status changes, by the status entered and left.");

    private static readonly Histogram<double> s_timeInStatus = s_meter.CreateHistogram<double>(
        "jewelry.order.status.duration", "s", "How long an order stayed in the status it left.");
    private readonly ConditionalWeakTable<DbContext, List<PendingTransition>> _open = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Start(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData.Context, error: null);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Stop(eventData.Context, error: null);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData.Context, SaveFailure.From(eventData.Exception));
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Stop(eventData.Context, SaveFailure.From(eventData.Exception));

    // EF Core reports these two instead of a failed save: without them the span would never end, nor be exported.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Stop(eventData.Context, SaveFailure.Concurrency);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Stop(eventData.Context, SaveFailure.Concurrency);
        return result;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData.Context, SaveFailure.Canceled);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Stop(eventData.Context, SaveFailure.Canceled);

    private void Start(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = context.ChangeTracker.Entries<OrderStatusChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var parent = Activity.Current?.Context ?? default;
        var pending = new List<PendingTransition>(changes.Count);
        foreach (var change in changes)
        {
            var from = change.FromStatus?.ToName();
            var to = change.ToStatus.ToName();
            var span = s_source.StartActivity(OrderTelemetry.TransitionSpanName, ActivityKind.Internal, parent, [
                new(OrderTelemetry.OrderId, change.OrderId.ToString()),
                new(OrderTelemetry.StatusFrom, from),
                new(OrderTelemetry.StatusTo, to),
                new(OrderTelemetry.OrderStatus, to),
                new("order.transition.source", change.Source),
                new(OrderTelemetry.UserId, change.ActorId),
            ]);
            if (span is not null)
            {
                span.DisplayName = $"{OrderTelemetry.TransitionSpanName} {from ?? "(new)"} -> {to}";

                // Started from a context rather than a parent span, it inherits no baggage: give its children (the INSERT and UPDATE) the order.
                span.AddBaggage(OrderTelemetry.OrderId, change.OrderId.ToString());
            }

            pending.Add(new PendingTransition(span, from, to, TimeInPreviousStatus(context, change)));
        }

        _open.AddOrUpdate(context, pending);
    }

    /// <summary>Read before the save: afterwards the order's original status time is the new one.</summary>
    private static TimeSpan? TimeInPreviousStatus(DbContext context, OrderStatusChange change)
    {
        var order = context.ChangeTracker.Entries<Order>().FirstOrDefault(e => e.Entity.Id == change.OrderId);
        return change.FromStatus is not null && order is { State: EntityState.Modified }
            ? change.ChangedAt - order.Property(o => o.StatusChangedAt).OriginalValue
            : null;
    }

    private static void RecordMetrics(PendingTransition transition)
    {
        s_transitions.Add(1, new(OrderTelemetry.StatusFrom, transition.From ?? "(new)"), new(OrderTelemetry.StatusTo, transition.To));
        if (transition.From is not null && transition.TimeInPreviousStatus is { } timeInStatus)
        {
            s_timeInStatus.Record(Math.Max(0, timeInStatus.TotalSeconds), new KeyValuePair<string, object?>(OrderTelemetry.OrderStatus, transition.From));
        }
    }

    private void Stop(DbContext? context, SaveFailure? error)
    {
        if (context is null || !_open.TryGetValue(context, out var pending))
        {
            return;
        }

        _open.Remove(context);
        foreach (var transition in pending)
        {
            if (error is null)
            {
                RecordMetrics(transition);
            }
            else if (transition.Span is { } failed)
            {
                failed.SetTag("error.type", error.Type);
                failed.SetStatus(ActivityStatusCode.Error, $"The transition was not saved: {error.Message}");
            }

            transition.Span?.Stop();
        }
    }
}
