using Jewelry.Contracts.Orders;

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

    /// <summary>The 3D model's key in the <c>models</c> bucket.</summary>
    public string? ModelObjectKey { get; set; }

    public long? ModelSizeBytes { get; set; }

    /// <summary>The file name the customer uploaded the model under.</summary>
    public string? ModelFileName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: it changes with every update, so a concurrent change fails the save.</summary>
    public uint Version { get; set; }

    public ICollection<OrderStatusChange> StatusHistory { get; } = [];
}
