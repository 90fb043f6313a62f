using Jewelry.MesApi.Domain;

namespace Jewelry.MesApi.Dtos;

/// <summary>A stage the order entered, and when.</summary>
public sealed record ProductionStepResponse(string Stage, DateTimeOffset ChangedAt)
{
    public static IReadOnlyList<ProductionStepResponse> History(ProductionOrder order) =>
        [.. order.Steps.OrderBy(s => s.ChangedAt).ThenBy(s => s.Id).Select(s => new ProductionStepResponse(s.Stage.ToName(), s.ChangedAt))];
}
