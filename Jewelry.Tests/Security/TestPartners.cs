using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Security;

/// <summary>
/// The demo partners of the token server's Development settings, and partners only the tests have (added to the
/// token server through its environment): each test that needs a limit or a lifetime of its own gets its own client.
/// </summary>
public static class TestPartners
{
    public static readonly PartnerClient Demo = new("demo-seller", "demo-seller-secret-7f3c9a2e41b8d6f0");

    public static readonly PartnerClient Other = new("other-seller", "other-seller-secret-2b6e8d1c9f4a7053");

    /// <summary>Granted <c>orders:read</c> only.</summary>
    public static readonly PartnerClient Reader = new("reader-seller", "reader-seller-secret-5d0a3f8e6c1b9472");

    /// <summary>May place <see cref="LimitedTokenLimit"/> orders through the gateway, then one an hour.</summary>
    public static readonly PartnerClient Limited = new("limited-seller", "limited-seller-secret-0c4e7a9b2d6f1835");

    public const int LimitedTokenLimit = 3;

    /// <summary>Its tokens live <see cref="ShortLifetime"/>.</summary>
    public static readonly PartnerClient ShortLived = new("short-lived-seller", "short-lived-secret-8e2b5d7f0a3c6194");

    public static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(2);

    /// <summary>Its tokens are for another API (audience <see cref="ForeignAudience"/>).</summary>
    public static readonly PartnerClient Foreign = new("foreign-audience-client", "foreign-audience-secret-6a1d9c4e7b0f2358");

    public const string ForeignAudience = "jewelry-elsewhere";

    /// <summary>Sends the malformed-request corpus through the gateway, under a limit it cannot reach.</summary>
    public static readonly PartnerClient Corpus = new("corpus-seller", "corpus-seller-secret-3f9a1c7e5b2d8046");

    /// <summary>Adds the test-only partners to the token server and their limits to the gateway; tokens are checked with no clock skew.</summary>
    internal static IDistributedApplicationTestingBuilder WithTestPartners(this IDistributedApplicationTestingBuilder builder)
    {
        // Indexes after the Development settings' own clients, so both lists merge.
        Client(builder, 10, Limited, "orders:write orders:read");
        Client(builder, 11, ShortLived, "orders:read");
        builder.WithServiceEnvironment("Identity__Clients__11__AccessTokenLifetime", ShortLifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture), "identity");
        Client(builder, 12, Foreign, "orders:read");
        builder.WithServiceEnvironment("Identity__Clients__12__Audience", ForeignAudience, "identity");

        Client(builder, 13, Corpus, "orders:write orders:read");

        var limit = $"Gateway__ClientRateLimits__{Limited.ClientId}__";
        var unlimited = $"Gateway__ClientRateLimits__{Corpus.ClientId}__";
        return builder
            .WithServiceEnvironment(unlimited + "TokenLimit", "1000000", "gateway")
            .WithServiceEnvironment(unlimited + "TokensPerPeriod", "1000000", "gateway")
            .WithServiceEnvironment(limit + "TokenLimit", LimitedTokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), "gateway")
            .WithServiceEnvironment(limit + "TokensPerPeriod", "1", "gateway")
            .WithServiceEnvironment(limit + "ReplenishmentPeriod", "01:00:00", "gateway")
            .WithServiceEnvironment("Identity__ClockSkew", "00:00:00", "gateway", "mes-api");
    }

    private static void Client(IDistributedApplicationTestingBuilder builder, int index, PartnerClient client, string scopes)
    {
        var prefix = $"Identity__Clients__{index}__";
        builder.WithServiceEnvironment(prefix + "ClientId", client.ClientId, "identity");
        builder.WithServiceEnvironment(prefix + "Secret", client.Secret, "identity");
        builder.WithServiceEnvironment(prefix + "DisplayName", client.ClientId + " (tests)", "identity");
        var i = 0;
        foreach (var scope in scopes.Split(' '))
        {
            builder.WithServiceEnvironment($"{prefix}Scopes__{i++}", scope, "identity");
        }
    }
}
