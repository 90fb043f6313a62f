namespace Jewelry.MesApi.Domain;

/// <summary>The production of one order: an approved shop order or an external seller's order.</summary>
public sealed class ProductionOrder
{
    public Guid Id { get; set; }

    /// <summary>The order this production belongs to: the shop's order id, or the id given to a seller's order.</summary>
    public Guid OrderId { get; set; }

    public required string Material { get; set; }

    public ProductionStage Stage { get; set; }

    /// <summary>The carrier's tracking number, once shipped.</summary>
    public string? TrackingNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset StageChangedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: it changes with every update, so a concurrent stage change fails the save.</summary>
    public uint Version { get; set; }

    public ProductionSource Source { get; set; }

    /// <summary>The seller who placed the order; null for shop orders.</summary>
    public string? SellerClientId { get; set; }

    /// <summary>The 3D model's key in the <c>models</c> bucket.</summary>
    public required string ModelKey { get; set; }

    public required string ProductType { get; set; }

    /// <summary>The price production was approved at; null when no calculation is known.</summary>
    public decimal? Price { get; set; }

    /// <summary>ISO 4217 code of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }

    public ICollection<ProductionStep> Steps { get; } = [];

    /// <summary>A new production order, queued for production (MANUFACTURING_APPROVED) with that first step in its history.</summary>
    public static ProductionOrder Approve(ProductionSource source, Guid orderId, string material, string productType, string modelKey, DateTimeOffset at)
    {
        var order = new ProductionOrder
        {
            Id = Guid.CreateVersion7(at),
            OrderId = orderId,
            Source = source,
            Material = material,
            ProductType = productType,
            ModelKey = modelKey,
            Stage = ProductionStage.ManufacturingApproved,
            CreatedAt = at,
            UpdatedAt = at,
            StageChangedAt = at,
        };
        order.Steps.Add(new ProductionStep { ProductionOrderId = order.Id, Stage = order.Stage, ChangedAt = at });
        return order;
    }

    /// <summary>Moves to <paramref name="stage"/> when the lifecycle allows it, recording the step; otherwise changes nothing.</summary>
    public bool TryMoveTo(ProductionStage stage, DateTimeOffset at, string? trackingNumber = null)
    {
        if (!ProductionStages.CanMove(Stage, stage))
        {
            return false;
        }

        Stage = stage;
        StageChangedAt = at;
        UpdatedAt = at;
        if (trackingNumber is not null)
        {
            TrackingNumber = trackingNumber;
        }

        Steps.Add(new ProductionStep { ProductionOrderId = Id, Stage = stage, ChangedAt = at });
        return true;
    }
}
