using Jewelry.Contracts.Orders;
using Jewelry.Manufacturing.Pricing;
using Jewelry.ShopApi.Dtos;
using Jewelry.ShopData.Domain;

namespace Jewelry.ShopApi.Domain;

/// <summary>Checks a new order field by field and normalises what it accepts.</summary>
public static class OrderRequestValidator
{
    public const int MaxSizeLength = 16;
    public const int MaxNotesLength = 2000;

    /// <returns>The normalised details, or null and an error list per invalid field (camelCase names).</returns>
    public static OrderDetails? Validate(CreateOrderRequest request, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (!OpaqueIds.IsValid(request.CustomerId))
        {
            errors["customerId"] = [$"customerId is required: {OpaqueIds.Rule}."];
        }

        var productType = ProductTypes.Normalize(request.ProductType);
        if (productType is null)
        {
            errors["productType"] = [$"productType must be one of {string.Join(", ", ProductTypes.All)}."];
        }

        string? material = null;
        if (MaterialNames.TryParse(request.Material?.Trim(), out var parsed))
        {
            material = parsed.Value.ToName();
        }
        else
        {
            errors["material"] = [$"material must be one of {string.Join(", ", MaterialNames.All)}."];
        }

        var size = EmptyToNull(request.Size);
        if (size?.Length > MaxSizeLength)
        {
            errors["size"] = [$"size must be at most {MaxSizeLength} characters."];
        }

        var notes = EmptyToNull(request.Notes);
        if (notes?.Length > MaxNotesLength)
        {
            errors["notes"] = [$"notes must be at most {MaxNotesLength} characters."];
        }

        return errors.Count == 0
            ? new OrderDetails(request.CustomerId!, productType!, material!, size, notes)
            : null;
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
