using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Jewelry.Hosting.Postgres;

/// <summary>
/// Gives a local server's databases the server's state, which Aspire does only for a container's children: a
/// database is Running (and its health check decides when it is healthy) once the server is ready and it exists.
/// </summary>
internal static class DatabaseStates
{
    public static async Task PublishAsync(IServiceProvider services, LocalPostgresServerResource server, string state)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var now = DateTime.UtcNow;
        var running = state == KnownResourceStates.Running;
        var stopped = KnownResourceStates.TerminalStates.Contains(state);
        foreach (var database in server.Databases)
        {
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = state,
                StartTimeStamp = running ? now : snapshot.StartTimeStamp,
                StopTimeStamp = stopped ? now : null,
            }).ConfigureAwait(false);
        }
    }
}
