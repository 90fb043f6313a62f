namespace Jewelry.Dashboard.Authentication;

/// <summary>One user name's failed sign-ins since <see cref="FirstAt"/>, and until when it is locked.</summary>
internal sealed class SignInFailures(DateTimeOffset firstAt)
{
    public DateTimeOffset FirstAt { get; set; } = firstAt;

    public int Count { get; set; }

    public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
}
