namespace Jewelry.Dashboard.Authentication;

/// <summary>How a password sign-in ended: the user signed in, or why not.</summary>
public sealed record PasswordSignInResult(DashboardUser? User, TimeSpan? LockedFor)
{
    public const string WrongCredentials = "Unknown user name or wrong password.";

    /// <summary>What the user is told when refused: the same for a wrong password and an unknown name.</summary>
    public string Refusal => LockedFor is { } wait
        ? $"Too many failed sign-ins for this user name. Try again in {(wait < TimeSpan.FromMinutes(2) ? $"{Math.Ceiling(wait.TotalSeconds):0} s" : $"{Math.Ceiling(wait.TotalMinutes):0} min")}."
        : WrongCredentials;

    /// <summary>Whole seconds for a <c>Retry-After</c> header.</summary>
    public int? RetryAfterSeconds => LockedFor is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
}
