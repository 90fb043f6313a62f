using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Pricing;

namespace Jewelry.MesApi.Pricing;

/// <summary>A model's geometry and the price that follows from it.</summary>
public sealed record PricedModel(MeshMetrics Metrics, PriceQuote Quote);
