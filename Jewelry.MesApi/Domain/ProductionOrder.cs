namespace Jewelry.MesApi.Domain;

/// <summary>The production of one approved shop order.</summary>
public sealed class ProductionOrder
{
    public Guid Id { get; set; }

    /// <summary>The shop order this production belongs to.</summary>
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

    public ICollection<ProductionStep> Steps { get; } = [];
}
