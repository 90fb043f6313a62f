using System.Diagnostics.CodeAnalysis;

namespace Jewelry.MesApi.Pricing;

/// <summary>A priced model, or why the model could not be priced.</summary>
public sealed record PricingResult
{
    private PricingResult(PricedModel? priced, PricingFailure? failure, string? reason)
    {
        Priced = priced;
        Failure = failure;
        Reason = reason;
    }

    public PricedModel? Priced { get; }

    public PricingFailure? Failure { get; }

    /// <summary>The reason shown to the customer or seller; null on success.</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Priced))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Reason))]
    public bool Succeeded => Priced is not null;

    public static PricingResult Success(PricedModel priced) => new(priced, null, null);

    public static PricingResult Fail(PricingFailure failure, string reason) => new(null, failure, reason);
}
