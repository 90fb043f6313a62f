using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// Counts sign-in attempts per user name (known or not, so a refusal tells nothing about which names exist) and
/// locks a name for <see cref="SignInThrottleOptions.LockoutWindow"/> once it reaches the limit; a right password
/// forgets them. An attempt is counted before its password is checked, in one step with the lock check, so a burst
/// of parallel guesses gets no more tries than sequential ones. While locked, the password is not even checked.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private readonly SignInThrottleOptions _options = options.Value;
    private readonly Dictionary<string, SignInFailures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>
    /// Counts an attempt for <paramref name="userName"/> unless the name is locked: then it returns how long the
    /// lock lasts, and the attempt may not go on. The attempt that reaches the limit goes on and locks the name.
    /// </summary>
    public TimeSpan? TryAttempt(string userName)
    {
        var now = time.GetUtcNow();
        var key = Key(userName);
        lock (_lock)
        {
            if (_failures.TryGetValue(key, out var failures) && failures.LockedUntil > now)
            {
                return failures.LockedUntil - now;
            }

            if (failures is null || failures.FirstAt + _options.LockoutWindow <= now)
            {
                MakeRoom(now);
                failures = new SignInFailures(now);
                _failures[key] = failures;
            }

            failures.Count++;
            if (failures.Count >= _options.MaxFailures)
            {
                failures.Count = 0;
                failures.FirstAt = now;
                failures.LockedUntil = now + _options.LockoutWindow;
            }

            return null;
        }
    }

    /// <summary>A right password forgets the name's attempts, and a lock its own attempt set.</summary>
    public void RecordSuccess(string userName)
    {
        lock (_lock)
        {
            _failures.Remove(Key(userName));
        }
    }

    private static string Key(string userName) => userName.Trim();

    private void MakeRoom(DateTimeOffset now)
    {
        if (_failures.Count < _options.TrackedNames)
        {
            return;
        }

        foreach (var expired in _failures.Where(f => f.Value.FirstAt + _options.LockoutWindow <= now && f.Value.LockedUntil <= now).Select(f => f.Key).ToList())
        {
            _failures.Remove(expired);
        }

        while (_failures.Count >= _options.TrackedNames)
        {
            _failures.Remove(_failures.MinBy(f => f.Value.FirstAt).Key);
        }
    }
}
