namespace Jewelry.MesApi.Domain;

/// <summary>One stage a production order entered, in its history.</summary>
public sealed class ProductionStep
{
    public long Id { get; set; }

    public Guid ProductionOrderId { get; set; }

    public ProductionStage Stage { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
