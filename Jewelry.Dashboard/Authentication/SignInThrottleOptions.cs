namespace Jewelry.Dashboard.Authentication;

/// <summary><c>Dashboard:SignIn</c>: how many wrong passwords a user name may get before sign-in is locked for a while.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Dashboard:SignIn";

    /// <summary>Failed sign-ins for one user name, within <see cref="LockoutWindow"/>, that lock it.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long failures are counted, and how long a locked user name stays locked.</summary>
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>User names remembered at most; past it the oldest are forgotten, so random names cannot exhaust memory.</summary>
    public int TrackedNames { get; set; } = 10_000;
}
