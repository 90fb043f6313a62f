namespace Jewelry.Contracts.Telemetry;

/// <summary>Span attributes about the external seller (partner) that made a call.</summary>
public static class SellerTelemetry
{
    /// <summary>The seller's OAuth 2.0 client id (the design documents' client_id), on the gateway's and the MES's spans.</summary>
    public const string ClientId = "seller.client_id";
}
