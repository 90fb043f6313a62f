using Jewelry.Contracts.Orders;
using Jewelry.ShopData.Telemetry;

namespace Jewelry.ShopData.Domain;

/// <summary>A customer's order for a piece printed from their 3D model.</summary>
public sealed class Order
{
    public Guid Id { get; set; }

    /// <summary>The customer's opaque id; never a name or an e-mail address.</summary>
    public required string CustomerId { get; set; }

    public required string ProductType { get; set; }

    public required string Material { get; set; }

    public string? Size { get; set; }

    public string? Notes { get; set; }

    public OrderStatus Status { get; set; }

    public decimal? Price { get; set; }

    /// <summary>ISO 4217 code of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }

    /// <summary>Why the order cannot go on (for example, the price could not be calculated from the model).</summary>
    public string? FailureReason { get; set; }

    /// <summary>When <see cref="FailureReason"/> was last reported.</summary>
    public DateTimeOffset? LastFailureAt { get; set; }

    /// <summary>The 3D model's key in the <c>models</c> bucket.</summary>
    public string? ModelObjectKey { get; set; }

    public long? ModelSizeBytes { get; set; }

    /// <summary>The file name the customer uploaded the model under, sanitised; for display only.</summary>
    public string? ModelFileName { get; set; }

    /// <summary>When the CRM queued the price calculation; null while the CRM has not been told.</summary>
    public DateTimeOffset? PriceRequestedAt { get; set; }

    /// <summary>The carrier's tracking number, once shipped.</summary>
    public string? TrackingNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: it changes with every update, so a concurrent change fails the save.</summary>
    public uint Version { get; set; }

    public ICollection<OrderStatusChange> StatusHistory { get; } = [];

    /// <summary>A new order in <see cref="OrderStatus.Initiated"/>, with the first entry of its history.</summary>
    public static Order Create(OrderDetails details, DateTimeOffset at, string source)
    {
        var order = new Order
        {
            Id = Guid.CreateVersion7(at),
            CustomerId = details.CustomerId,
            ProductType = details.ProductType,
            Material = details.Material,
            Size = details.Size,
            Notes = details.Notes,
            Status = OrderStatus.Initiated,
            CreatedAt = at,
            UpdatedAt = at,
            StatusChangedAt = at,
        };
        order.StatusHistory.Add(new OrderStatusChange
        {
            OrderId = order.Id,
            FromStatus = null,
            ToStatus = OrderStatus.Initiated,
            ChangedAt = at,
            Source = source,
            ActorId = details.CustomerId,
        });
        return order;
    }

    /// <summary>
    /// The only way an order changes status: checks <see cref="OrderLifecycle.CanMove"/> and records the
    /// change in the history (which is what becomes the <c>order.transition</c> span when it is saved).
    /// </summary>
    /// <exception cref="OrderTransitionRefusedException">The lifecycle does not allow the move; nothing changed.</exception>
    public OrderStatusChange MoveTo(OrderStatus to, DateTimeOffset at, string source, string? actorId = null)
    {
        var from = Status;
        if (!OrderLifecycle.CanMove(from, to))
        {
            var refusal = new OrderTransitionRefusedException(Id, from, to);
            OrderTracking.RecordRefusal(refusal);
            throw refusal;
        }

        // A clock running behind must not put the history out of order.
        var changedAt = at < StatusChangedAt ? StatusChangedAt : at;
        var change = new OrderStatusChange
        {
            OrderId = Id,
            FromStatus = from,
            ToStatus = to,
            ChangedAt = changedAt,
            Source = source,
            ActorId = actorId,
        };
        StatusHistory.Add(change);
        Status = to;
        StatusChangedAt = changedAt;
        Touch(changedAt);
        return change;
    }

    /// <summary>Marks a change that is not a status change.</summary>
    public void Touch(DateTimeOffset at) => UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
}
