namespace Jewelry.MesApi.Domain;

/// <summary>An external seller allowed to call the MES API with its client credentials.</summary>
public sealed class SellerClient
{
    public required string ClientId { get; set; }

    /// <summary>A salted hash of the client secret; the secret itself is never stored.</summary>
    public required string SecretHash { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
