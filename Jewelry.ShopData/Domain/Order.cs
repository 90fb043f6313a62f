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

    private const string ResubmitRefusal =
        "The order is SUBMITTED and its price is being calculated; a new model can be uploaded only after a failed price calculation.";

    /// <summary>
    /// Whether the lifecycle allows the move for this order. A SUBMITTED order goes back to FILE_UPLOADED
    /// only when its price could not be calculated, so the customer can upload a model that can be made.
    /// </summary>
    public bool CanMoveTo(OrderStatus to) => OrderLifecycle.CanMove(Status, to) && !IsBackToUploadWithoutFailure(to);

    /// <summary>Why this order cannot move to <paramref name="to"/>: its current status and what it allows.</summary>
    public string DescribeRefusal(OrderStatus to) =>
        IsBackToUploadWithoutFailure(to) ? ResubmitRefusal : OrderLifecycle.DescribeRefusal(Status, to);

    private bool IsRetryAfterFailedPricing(OrderStatus to) => Status == OrderStatus.Submitted && to == OrderStatus.FileUploaded;

    private bool IsBackToUploadWithoutFailure(OrderStatus to) => IsRetryAfterFailedPricing(to) && FailureReason is null;

    /// <summary>
    /// The only way an order changes status: checks <see cref="OrderLifecycle.CanMove"/> and records the
    /// change in the history (which is what becomes the <c>order.transition</c> span when it is saved).
    /// </summary>
    /// <exception cref="OrderTransitionRefusedException">The lifecycle does not allow the move; nothing changed.</exception>
    public OrderStatusChange MoveTo(OrderStatus to, DateTimeOffset at, string source, string? actorId = null)
    {
        var from = Status;
        if (!CanMoveTo(to))
        {
            var refusal = new OrderTransitionRefusedException(Id, from, to, DescribeRefusal(to));
            OrderTracking.RecordRefusal(refusal);
            throw refusal;
        }

        if (IsRetryAfterFailedPricing(to))
        {
            // A new model starts a new price calculation: the old failure and request no longer apply.
            FailureReason = null;
            PriceRequestedAt = null;
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
