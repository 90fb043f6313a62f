namespace Jewelry.MesApi.Sellers;

/// <summary>One seller allowed to call the MES: <c>Sellers:Clients:{n}:ClientId|Secret|Name</c>.</summary>
public sealed class SellerClientOptions
{
    public string ClientId { get; set; } = "";

    /// <summary>Only hashed on the way into the database; never logged.</summary>
    public string Secret { get; set; } = "";

    public string Name { get; set; } = "";
}
