using Jewelry.Hosting;

namespace Jewelry.Tests.Stack;

internal static class StackHealthExtensions
{
    private static readonly TimeSpan s_healthyWithin = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Waits until the AppHost sees every resource healthy at the same moment, e.g. after a test restarted one: a
    /// resource found healthy can turn unhealthy again while the wait is on another one.
    /// </summary>
    public static async Task WaitUntilAllHealthyAsync(this DistributedApplication app)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(s_healthyWithin);
        try
        {
            do
            {
                foreach (var resource in app.Resources)
                {
                    await app.WaitForResourceStateAsync(resource.Name, ResourceState.Healthy, deadline.Token);
                }
            }
            while (app.Resources.Any(r => r.State != ResourceState.Healthy));
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"Not all healthy within {s_healthyWithin.TotalSeconds:0} s: {string.Join(", ", app.Resources.Select(r => $"{r.Name} {r.State} ({r.StateReason})"))}");
        }
    }
}
