using Jewelry.MesApi.Sellers;

namespace Jewelry.Tests.Mes;

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
    public void A_known_salt_and_iteration_count_give_the_rfc_8018_derivation()
    {
        var salt = new byte[16];
        var hash = ClientSecretHasher.Hash("password", salt, 100_000);

        var expected = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            "password"u8, salt, 100_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        Assert.Equal($"pbkdf2-sha256$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(expected)}", hash);
        Assert.True(ClientSecretHasher.Verify("password", hash));
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

    [Fact]
    public void The_decoy_for_unknown_clients_always_fails()
        => Assert.False(ClientSecretHasher.VerifyDecoy(Secret));
}
