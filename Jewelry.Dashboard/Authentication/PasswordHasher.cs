using System.Security.Cryptography;

namespace Jewelry.Dashboard.Authentication;

/// <summary>PBKDF2-HMAC-SHA256 with a random salt per password, compared in constant time.</summary>
public static class PasswordHasher
{
    /// <summary>OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023).</summary>
    public const int DefaultIterations = 600_000;

    public static PasswordHash Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(PasswordHash.SaltBytes);
        return new PasswordHash(iterations, salt, Derive(password, salt, iterations));
    }

    public static bool Verify(string password, PasswordHash hash)
    {
        var candidate = Derive(password, hash.Salt, hash.Iterations);
        return CryptographicOperations.FixedTimeEquals(candidate, hash.Hash);
    }

    internal static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, PasswordHash.HashBytes);
}
