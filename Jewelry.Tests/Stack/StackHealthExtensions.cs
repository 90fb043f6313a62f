using Jewelry.Hosting;

namespace Jewelry.Tests.Stack;

internal static class StackHealthExtensions
{
    /// <summary>Waits until the AppHost sees every resource healthy again, e.g. after a test restarted one.</summary>
    public static async Task WaitUntilAllHealthyAsync(this DistributedApplication app)
    {
        foreach (var resource in app.Resources)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(90));
            await app.WaitForResourceStateAsync(resource.Name, ResourceState.Healthy, deadline.Token);
        }
    }
}
