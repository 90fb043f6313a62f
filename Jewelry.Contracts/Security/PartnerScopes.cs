namespace Jewelry.Contracts.Security;

/// <summary>The rights a partner (external seller) may be given, as OAuth 2.0 scopes.</summary>
public static class PartnerScopes
{
    /// <summary>Place orders.</summary>
    public const string OrdersWrite = "orders:write";

    /// <summary>Read the partner's own orders, their history and journey.</summary>
    public const string OrdersRead = "orders:read";

    public static readonly string[] All = [OrdersWrite, OrdersRead];
}
