namespace Jewelry.ShopApi.Crm;

public enum PriceRequestResult
{
    /// <summary>The CRM queued the price calculation (or had already).</summary>
    Accepted,

    /// <summary>The CRM answered, but refused; its problem detail says why.</summary>
    Refused,

    /// <summary>No answer after the client's retries: connection refused, timeouts, 5xx.</summary>
    Unreachable,
}
