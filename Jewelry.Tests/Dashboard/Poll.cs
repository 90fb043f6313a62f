using System.Diagnostics;

namespace Jewelry.Tests.Dashboard;

/// <summary>Waits for a condition instead of sleeping: returns as soon as it holds, fails with a description when it never does.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string description)
    {
        var stopwatch = Stopwatch.StartNew();
        T? last = default;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0}s for {description}; last value: {last}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
