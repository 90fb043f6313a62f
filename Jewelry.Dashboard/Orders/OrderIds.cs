using System.Diagnostics.CodeAnalysis;

namespace Jewelry.Dashboard.Orders;

/// <summary>What the dashboard accepts as an order id: what services put in <c>order.id</c> (GUIDs here), nothing that could be a query.</summary>
public static class OrderIds
{
    public const int MaxLength = 64;

    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? orderId, [NotNullWhen(false)] out string? problem)
    {
        orderId = null;
        problem = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problem = "An order id is required, e.g. 3f2c8a9e-5b1d-4c6f-9e2a-7d8b1c0f4a35.";
            return false;
        }

        if (Guid.TryParse(trimmed, out var guid))
        {
            orderId = guid.ToString();
            return true;
        }

        if (trimmed.Length > MaxLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            problem = $"'{Truncate(trimmed)}' is not an order id: expected a GUID, or up to {MaxLength} letters, digits, '-', '_', '.' or ':'.";
            return false;
        }

        orderId = trimmed;
        return true;
    }

    private static string Truncate(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
