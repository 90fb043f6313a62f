using Jewelry.Dashboard.Authentication;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Dashboard;

/// <summary>Failed sign-ins counted per user name: the lock, its end, and what resets or forgets the count.</summary>
public sealed class SignInThrottleTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(15);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_failure_that_reaches_the_limit_locks_the_name_for_the_window()
    {
        var throttle = Throttle(maxFailures: 3);

        Assert.False(throttle.RecordFailure("developer"));
        Assert.False(throttle.RecordFailure("developer"));
        Assert.Null(throttle.LockedFor("developer"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(throttle.RecordFailure("developer"));

        Assert.Equal(s_window, throttle.LockedFor("developer"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(5), throttle.LockedFor("developer"));
    }

    [Fact]
    public void The_lock_ends_after_the_window_and_counting_starts_again()
    {
        var throttle = Throttle(maxFailures: 2);
        throttle.RecordFailure("developer");
        throttle.RecordFailure("developer");

        _clock.Advance(s_window);

        Assert.Null(throttle.LockedFor("developer"));
        Assert.False(throttle.RecordFailure("developer"));
        Assert.True(throttle.RecordFailure("developer"));
    }

    [Fact]
    public void Failures_further_apart_than_the_window_do_not_add_up()
    {
        var throttle = Throttle(maxFailures: 2);

        Assert.False(throttle.RecordFailure("developer"));
        _clock.Advance(s_window);
        Assert.False(throttle.RecordFailure("developer"));

        Assert.Null(throttle.LockedFor("developer"));
    }

    [Fact]
    public void A_right_password_forgets_the_earlier_failures()
    {
        var throttle = Throttle(maxFailures: 2);
        throttle.RecordFailure("developer");

        throttle.RecordSuccess("developer");

        Assert.False(throttle.RecordFailure("developer"));
    }

    [Fact]
    public void Names_are_counted_apart_ignoring_case_and_surrounding_spaces()
    {
        var throttle = Throttle(maxFailures: 2);

        throttle.RecordFailure("Developer");
        throttle.RecordFailure(" developer ");

        Assert.NotNull(throttle.LockedFor("DEVELOPER"));
        Assert.Null(throttle.LockedFor("support"));
    }

    [Fact]
    public void Past_the_tracked_names_the_oldest_is_forgotten()
    {
        var throttle = Throttle(maxFailures: 2, trackedNames: 2);
        throttle.RecordFailure("first");
        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.RecordFailure("second");
        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.RecordFailure("third");

        Assert.False(throttle.RecordFailure("first"));
        Assert.True(throttle.RecordFailure("third"));
    }

    private SignInThrottle Throttle(int maxFailures, int trackedNames = 100) =>
        new(Options.Create(new SignInThrottleOptions { MaxFailures = maxFailures, LockoutWindow = s_window, TrackedNames = trackedNames }), _clock);
}
