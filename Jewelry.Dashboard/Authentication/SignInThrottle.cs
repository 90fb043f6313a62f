using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// Counts failed sign-ins per user name (known or not, so a refusal tells nothing about which names exist) and
/// locks a name for <see cref="SignInThrottleOptions.LockoutWindow"/> once it reaches the limit. While locked,
/// the password is not even checked, so guessing goes no faster than the limit allows.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private readonly SignInThrottleOptions _options = options.Value;
    private readonly Dictionary<string, SignInFailures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="userName"/> stays locked, or null when it may try.</summary>
    public TimeSpan? LockedFor(string userName)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _failures.TryGetValue(Key(userName), out var failures) && failures.LockedUntil > now
                ? failures.LockedUntil - now
                : null;
        }
    }

    /// <summary>Counts a wrong password; true when this failure locked the name.</summary>
    public bool RecordFailure(string userName)
    {
        var now = time.GetUtcNow();
        var key = Key(userName);
        lock (_lock)
        {
            if (!_failures.TryGetValue(key, out var failures) || failures.FirstAt + _options.LockoutWindow <= now)
            {
                MakeRoom(now);
                failures = new SignInFailures(now);
                _failures[key] = failures;
            }

            failures.Count++;
            if (failures.Count < _options.MaxFailures)
            {
                return false;
            }

            failures.Count = 0;
            failures.FirstAt = now;
            failures.LockedUntil = now + _options.LockoutWindow;
            return true;
        }
    }

    /// <summary>A right password forgets the name's earlier failures.</summary>
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
