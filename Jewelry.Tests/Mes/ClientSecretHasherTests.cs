using Jewelry.MesApi.Sellers;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class ClientSecretHasherTests
{
    private const string Secret = "demo-seller-secret-7f3c9a2e41b8d6f0";

    [Fact]
    public void A_hash_verifies_its_secret_and_nothing_else()
    {
        var hash = ClientSecretHasher.Hash(Secret);

        Assert.True(ClientSecretHasher.Verify(Secret, hash));
        Assert.False(ClientSecretHasher.Verify(Secret + "x", hash));
        Assert.False(ClientSecretHasher.Verify(Secret.ToUpperInvariant(), hash));
        Assert.False(ClientSecretHasher.Verify("", hash));
    }

    [Fact]
    public void The_hash_is_salted_pbkdf2_sha256_and_never_contains_the_secret()
    {
        var first = ClientSecretHasher.Hash(Secret);
        var second = ClientSecretHasher.Hash(Secret);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Secret, first, StringComparison.Ordinal);
        var parts = first.Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 100_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void A_known_salt_and_iteration_count_give_the_published_pbkdf2_sha256_test_vector()
    {
        // PBKDF2-HMAC-SHA256("password", "salt", 4096 iterations, 32 bytes) = c5e478d5...aa98134a, the widely published vector.
        var hash = ClientSecretHasher.Hash("password", "salt"u8.ToArray(), 4096);

        Assert.Equal("pbkdf2-sha256$4096$c2FsdA==$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=", hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-secret")]
    [InlineData("pbkdf2-sha256$100000$not base64$AAAA")]
    [InlineData("pbkdf2-sha1$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Malformed_or_weak_stored_hashes_never_verify(string storedHash)
        => Assert.False(ClientSecretHasher.Verify(Secret, storedHash));
}
