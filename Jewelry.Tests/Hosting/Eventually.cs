namespace Jewelry.Tests.Hosting;

/// <summary>Polls a condition until it holds or a deadline passes: waiting without guessing a sleep.</summary>
internal static class Eventually
{
    public static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description) =>
        WaitUntilAsync(condition, timeout, () => description);

    /// <summary>Polls an asynchronous condition, describing the state when the deadline passed rather than when the wait began.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {timeout.TotalSeconds:0} s: {describe()}");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string description) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, description);

    /// <summary>As above, describing the state when the deadline passed rather than when the wait began.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, describe);
}
