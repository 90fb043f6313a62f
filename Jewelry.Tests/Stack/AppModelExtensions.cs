using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.Tests.Stack;

/// <summary>What the tests ask of a running Aspire app: connection strings, states, pids, stopping and starting a resource.</summary>
internal static class AppModelExtensions
{
    private static readonly TimeSpan s_healthyWithin = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Every resource of the model that starts with it: not parameters, not the Aspire dashboard, and not what only
    /// starts when asked (Aspire's hidden rebuilders of projects).
    /// </summary>
    public static IReadOnlyList<IResource> ModelResources(this DistributedApplication app) =>
        [.. app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource && r.Name != "aspire-dashboard" && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())];

    public static async Task<string> ConnectionStringAsync(this DistributedApplication app, string resourceName) =>
        await app.GetConnectionStringAsync(resourceName, Ct) ?? throw new InvalidOperationException($"'{resourceName}' has no connection string.");

    /// <summary>The resource's latest event: its state, health, URLs and properties.</summary>
    public static Task<ResourceEvent> CurrentAsync(this DistributedApplication app, string resourceName) =>
        app.ResourceNotifications.WaitForResourceAsync(resourceName, _ => true, Ct);

    public static async Task<string?> StateAsync(this DistributedApplication app, string resourceName) =>
        (await app.CurrentAsync(resourceName)).Snapshot.State?.Text;

    public static async Task<int?> ProcessIdAsync(this DistributedApplication app, string resourceName) =>
        (await app.CurrentAsync(resourceName)).Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };

    /// <summary>Aspire's stop command, as the dashboard's Stop button runs it; returns once the resource has stopped.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(app.Resource(resourceName), KnownResourceCommands.StopCommand, cancellationToken);
        Assert.True(result.Success, $"Stopping {resourceName} failed: {result.Message}");
        await app.ResourceNotifications.WaitForResourceAsync(resourceName, KnownResourceStates.TerminalStates, cancellationToken);
    }

    /// <summary>Aspire's start command; returns once the resource is healthy again.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(app.Resource(resourceName), KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, $"Starting {resourceName} failed: {result.Message}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_healthyWithin);

        // Until DCP has taken the command, the snapshot still says Exited, which the health wait reads as a failed start.
        await app.ResourceNotifications.WaitForResourceAsync(
            resourceName, resourceEvent => !KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text), deadline.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, deadline.Token);
    }

    /// <summary>
    /// Waits until every resource is healthy at the same moment, e.g. after a test restarted one: a resource found
    /// healthy can turn unhealthy again while the wait is on another one.
    /// </summary>
    public static async Task WaitUntilAllHealthyAsync(this DistributedApplication app, TimeSpan? within = null)
    {
        var timeout = within ?? s_healthyWithin;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(timeout);
        var resources = app.ModelResources();
        try
        {
            while (true)
            {
                foreach (var resource in resources)
                {
                    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, deadline.Token);
                }

                var unhealthy = 0;
                foreach (var resource in resources)
                {
                    unhealthy += (await app.CurrentAsync(resource.Name)).Snapshot.HealthStatus == HealthStatus.Healthy ? 0 : 1;
                }

                if (unhealthy == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            var states = new List<string>();
            foreach (var resource in resources)
            {
                var snapshot = (await app.CurrentAsync(resource.Name)).Snapshot;
                states.Add($"{resource.Name} {snapshot.State?.Text} ({snapshot.HealthStatus})");
            }

            Assert.Fail($"Not all healthy within {timeout.TotalSeconds:0} s: {string.Join(", ", states)}");
        }
    }

    /// <summary>The Jewelry dashboard's login URL, as the AppHost lists it among the dashboard's URLs.</summary>
    public static async Task<Uri> JewelryDashboardLoginUrlAsync(this DistributedApplication app)
    {
        var snapshot = (await app.CurrentAsync("dashboard")).Snapshot;
        var login = snapshot.Urls.FirstOrDefault(url => url.DisplayProperties.DisplayName == JewelryDashboardBuilderExtensions.LoginUrlDisplayText)
            ?? throw new InvalidOperationException($"The dashboard lists no login URL: {string.Join(", ", snapshot.Urls.Select(u => u.Url))}");
        return new Uri(login.Url);
    }

    /// <summary>A client of the Jewelry dashboard's API signed in with the AppHost's browser token (the operator, an admin).</summary>
    public static async Task<HttpClient> SignInToJewelryDashboardAsync(this DistributedApplication app)
    {
        var loginUrl = await app.JewelryDashboardLoginUrlAsync();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(loginUrl.GetLeftPart(UriPartial.Authority)),
        };
        using var response = await client.GetAsync(loginUrl, TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"The dashboard's token login answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>
    /// Stops the app as Ctrl+C would (every resource stopped, the throwaway data folder removed), then disposes it:
    /// disposing alone kills DCP and skips the hosted services' stop.
    /// </summary>
    public static async Task StopAndDisposeAsync(this DistributedApplication app)
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await app.StopAsync(deadline.Token);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static IResource Resource(this DistributedApplication app, string resourceName) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
}
