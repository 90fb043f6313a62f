using Jewelry.Contracts.Security;

namespace Jewelry.Identity.Clients;

/// <summary>One client of the token server: <c>Identity:Clients:{n}:ClientId|Secret|DisplayName|Scopes|Audience|AccessTokenLifetime</c>.</summary>
public sealed class ClientOptions
{
    public string ClientId { get; set; } = "";

    /// <summary>Only hashed on the way into the database (by OpenIddict); never logged.</summary>
    public string Secret { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> Scopes { get; } = [];

    /// <summary>The API its tokens are for (<c>aud</c>).</summary>
    public string Audience { get; set; } = TokenAudiences.Partners;

    /// <summary>Its own access token lifetime, when not the server's <c>Identity:AccessTokenLifetime</c>.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }
}
