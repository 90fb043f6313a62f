using Jewelry.Dashboard.Authentication;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Dashboard;

/// <summary>Sign-in attempts counted per user name: the lock, its end, and what resets or forgets the count.</summary>
[Trait("Category", "Unit")]
public sealed class SignInThrottleTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(15);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_attempt_that_reaches_the_limit_goes_on_and_locks_the_name_for_the_window()
    {
        var throttle = Throttle(maxFailures: 3);

        Assert.Null(throttle.TryAttempt("developer"));
        Assert.Null(throttle.TryAttempt("developer"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(throttle.TryAttempt("developer"));

        Assert.Equal(s_window, throttle.TryAttempt("developer"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(5), throttle.TryAttempt("developer"));
    }

    [Fact]
    public void The_lock_ends_after_the_window_and_counting_starts_again()
    {
        var throttle = Throttle(maxFailures: 2);
        throttle.TryAttempt("developer");
        throttle.TryAttempt("developer");

        _clock.Advance(s_window);

        Assert.Null(throttle.TryAttempt("developer"));
        Assert.Null(throttle.TryAttempt("developer"));
        Assert.NotNull(throttle.TryAttempt("developer"));
    }

    [Fact]
    public void Attempts_further_apart_than_the_window_do_not_add_up()
    {
        var throttle = Throttle(maxFailures: 2);

        throttle.TryAttempt("developer");
        _clock.Advance(s_window);
        throttle.TryAttempt("developer");

        Assert.Null(throttle.TryAttempt("developer"));
    }

    [Fact]
    public void A_right_password_forgets_the_earlier_attempts_and_the_lock_its_own_attempt_set()
    {
        var throttle = Throttle(maxFailures: 2);
        throttle.TryAttempt("developer");
        throttle.TryAttempt("developer");

        throttle.RecordSuccess("developer");

        Assert.Null(throttle.TryAttempt("developer"));
        Assert.Null(throttle.TryAttempt("developer"));
    }

    [Fact]
    public void A_burst_of_parallel_attempts_gets_no_more_than_the_limit()
    {
        var throttle = Throttle(maxFailures: 5);

        var allowed = Enumerable.Range(0, 50).AsParallel().Count(_ => throttle.TryAttempt("developer") is null);

        Assert.Equal(5, allowed);
    }

    [Fact]
    public void Names_are_counted_apart_ignoring_case_and_surrounding_spaces()
    {
        var throttle = Throttle(maxFailures: 2);

        throttle.TryAttempt("Developer");
        throttle.TryAttempt(" developer ");

        Assert.NotNull(throttle.TryAttempt("DEVELOPER"));
        Assert.Null(throttle.TryAttempt("support"));
    }

    [Fact]
    public void Past_the_tracked_names_the_oldest_is_forgotten()
    {
        var throttle = Throttle(maxFailures: 2, trackedNames: 2);
        throttle.TryAttempt("first");
        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.TryAttempt("second");
        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.TryAttempt("third");

        // "first" starts counting again; "third" reaches its limit with its second attempt.
        throttle.TryAttempt("first");
        throttle.TryAttempt("third");
        Assert.Null(throttle.TryAttempt("first"));
        Assert.NotNull(throttle.TryAttempt("third"));
    }

    private SignInThrottle Throttle(int maxFailures, int trackedNames = 100) =>
        new(Options.Create(new SignInThrottleOptions { MaxFailures = maxFailures, LockoutWindow = s_window, TrackedNames = trackedNames }), _clock);
}
