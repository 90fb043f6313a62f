using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jewelry.MesApi.Sellers;

/// <summary>
/// Client secrets are stored only as salted PBKDF2-HMAC-SHA256 hashes:
/// <c>pbkdf2-sha256$iterations$salt$hash</c>, salt and hash in base64.
/// </summary>
public static class ClientSecretHasher
{
    public const int Iterations = 210_000;
    public const int MinimumIterations = 100_000;

    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string secret) => Hash(secret, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);

    internal static string Hash(string secret, byte[] salt, int iterations)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>; compared in constant time.</summary>
    public static bool Verify(string secret, string storedHash)
    {
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time a verification takes and fails: for client ids that do not exist.</summary>
    public static bool VerifyDecoy(string secret)
    {
        _ = Verify(secret, Decoy.Hash);
        return false;
    }

    private static bool TryParse(string storedHash, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = storedHash.Split('$');
        if (parts.Length != 4
            || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < MinimumIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length == HashBytes;
    }

    // Verified when a client id is unknown, so the answer takes as long as for a wrong secret.
    private static class Decoy
    {
        public static string Hash { get; } = ClientSecretHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }
}
