namespace Jewelry.Identity.Clients;

/// <summary>The clients seeded at startup, section <c>Identity:Clients</c>.</summary>
public sealed class ClientsOptions
{
    public const string SectionName = "Identity";

    public List<ClientOptions> Clients { get; } = [];
}
