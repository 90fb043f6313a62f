using Microsoft.AspNetCore.Identity;

namespace Jewelry.Identity.Operators;

/// <summary>
/// Operators' passwords as ASP.NET Core Identity's password hasher stores them (PBKDF2 with a salt, its version-3
/// format): configuration holds only hashes.
/// </summary>
public static class OperatorPasswords
{
    private static readonly PasswordHasher<OperatorAccount> s_hasher = new();

    /// <summary>Checked when the user name is unknown, so an unknown name takes as long to refuse as a wrong password.</summary>
    private static readonly string s_decoy = s_hasher.HashPassword(new OperatorAccount(), Guid.NewGuid().ToString("N"));

    public static string Hash(string password) => s_hasher.HashPassword(new OperatorAccount(), password);

    public static bool Verify(OperatorAccount? account, string password) =>
        s_hasher.VerifyHashedPassword(account ?? new OperatorAccount(), account?.PasswordHash ?? s_decoy, password) != PasswordVerificationResult.Failed
        && account is not null;

    /// <summary>Whether <paramref name="hash"/> is in the version-3 format (base64, marker byte 0x01).</summary>
    public static bool IsHash(string? hash)
    {
        var bytes = new byte[hash?.Length ?? 0];
        return hash is not null && Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }
}
