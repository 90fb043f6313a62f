using System.Text.RegularExpressions;
using Jewelry.Manufacturing.Pricing;

namespace Jewelry.MesApi.Sellers;

/// <summary>The form fields of a new seller order.</summary>
public static partial class SellerOrderRules
{
    /// <summary>Validation errors by field, empty when the fields are fine.</summary>
    public static Dictionary<string, string[]> Validate(string? material, string? productType)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!MaterialNames.TryParse(material, out _))
        {
            errors[SellerUploadReader.MaterialPart] = [$"Required: one of {string.Join(", ", MaterialNames.All)}."];
        }

        if (productType is null || !ProductTypePattern().IsMatch(productType))
        {
            errors[SellerUploadReader.ProductTypePart] = ["Required: 1–64 letters, digits, spaces, '_' or '-' (for example 'ring')."];
        }

        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProductTypePattern();
}
