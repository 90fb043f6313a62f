using Jewelry.Dashboard.Listeners;
using Microsoft.Extensions.Options;

namespace Jewelry.Dashboard.Authentication;

/// <summary>Logs where to log in once the dashboard listens, with the browser token when one is needed.</summary>
internal sealed class LoginUrlAnnouncer(
    IHostApplicationLifetime lifetime,
    IReadOnlyList<DashboardListener> listeners,
    IOptions<FrontendOptions> frontend,
    ILogger<LoginUrlAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var frontendUrl = listeners.FirstOrDefault(l => l.Kinds.HasFlag(DashboardListenerKinds.Frontend))?.Url;
        var baseUrl = frontendUrl?.GetLeftPart(UriPartial.Authority).Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
        if (frontend.Value.AuthMode == FrontendAuthMode.BrowserToken)
        {
            logger.LogInformation("Login to the dashboard at {LoginUrl}", $"{baseUrl}/login?t={frontend.Value.BrowserToken}");
        }
        else
        {
            logger.LogWarning("The dashboard is unsecured: anyone who reaches {Url} sees all telemetry", baseUrl);
        }
    }
}
