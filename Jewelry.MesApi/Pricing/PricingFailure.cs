namespace Jewelry.MesApi.Pricing;

/// <summary>Why a model could not be priced; the seller API answers each with its own status code.</summary>
public enum PricingFailure
{
    /// <summary>The material is not one the workshop casts or prices.</summary>
    UnknownMaterial,

    /// <summary>There is no model under the order's key.</summary>
    ModelMissing,

    /// <summary>The model is larger than the limit.</summary>
    ModelTooLarge,

    /// <summary>The bytes are not an STL file.</summary>
    NotStl,

    /// <summary>An STL file whose mesh cannot be manufactured (no volume, broken numbers, larger than the printer).</summary>
    NotPrintable,
}
