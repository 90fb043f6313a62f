using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Jewelry.Dashboard.Authentication;

/// <summary>A stored password: <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>.</summary>
public sealed class PasswordHash
{
    public const string Scheme = "pbkdf2-sha256";
    public const int MinIterations = 100_000;

    // Beyond this a single sign-in would keep a core busy for seconds: almost certainly a typo.
    public const int MaxIterations = 10_000_000;
    public const int SaltBytes = 16;
    public const int HashBytes = 32;

    public PasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        ArgumentOutOfRangeException.ThrowIfLessThan(salt.Length, SaltBytes, nameof(salt));
        ArgumentOutOfRangeException.ThrowIfNotEqual(hash.Length, HashBytes, nameof(hash));
        Iterations = iterations;
        Salt = salt;
        Hash = hash;
    }

    public int Iterations { get; }

    public byte[] Salt { get; }

    public byte[] Hash { get; }

    /// <summary>Parses the text form; <paramref name="error"/> says what is wrong without repeating the text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PasswordHash? hash, [NotNullWhen(false)] out string? error)
    {
        hash = null;
        var parts = text?.Trim().Split('$');
        if (parts is not [var scheme, var iterationsText, var saltText, var hashText])
        {
            error = $"expected {Scheme}$<iterations>$<base64 salt>$<base64 hash>";
            return false;
        }

        if (!string.Equals(scheme, Scheme, StringComparison.Ordinal))
        {
            error = $"the scheme must be {Scheme}";
            return false;
        }

        if (!int.TryParse(iterationsText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < MinIterations || iterations > MaxIterations)
        {
            error = $"the iteration count must be a number from {MinIterations:N0} to {MaxIterations:N0}";
            return false;
        }

        var salt = FromBase64(saltText);
        if (salt is null || salt.Length < SaltBytes)
        {
            error = $"the salt must be base64 of at least {SaltBytes} bytes";
            return false;
        }

        var bytes = FromBase64(hashText);
        if (bytes is null || bytes.Length != HashBytes)
        {
            error = $"the hash must be base64 of {HashBytes} bytes";
            return false;
        }

        hash = new PasswordHash(iterations, salt, bytes);
        error = null;
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(Salt)}${Convert.ToBase64String(Hash)}");

    private static byte[]? FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
