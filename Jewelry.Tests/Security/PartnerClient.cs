namespace Jewelry.Tests.Security;

/// <summary>A partner's client credentials; its text never shows the secret.</summary>
public sealed record PartnerClient(string ClientId, string Secret)
{
    public override string ToString() => ClientId;
}
