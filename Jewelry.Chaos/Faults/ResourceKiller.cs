using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.LocalData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.Chaos.Faults;

/// <summary>
/// kill -9 of a resource of a running app model, then Aspire's start command, as an operator would press Start in the
/// Aspire dashboard. The whole process tree gets SIGKILL at once: the resource's process is a wrapper for the local
/// servers (postgres.sh, rabbitmq.sh), and killing only the wrapper would leave the server running.
/// </summary>
public sealed class ResourceKiller(DistributedApplication app, TimeSpan healthyWithin)
{
    /// <summary>The resources a run may kill, in the order the chaos run names them.</summary>
    public static readonly string[] Killable = ["postgres", "messaging", "models", "mes-api", "crm-api", "shop-api", "dashboard", "gateway", "identity"];

    /// <summary>Aspire's start is tried this often after a kill; each failed start is reported in <see cref="FaultResult.Problem"/>.</summary>
    public const int StartAttempts = 3;

    public async Task<FaultResult> KillAndRestartAsync(string resource, CancellationToken cancellationToken)
    {
        var pid = await ProcessIdAsync(resource, cancellationToken)
            ?? throw new InvalidOperationException($"{resource} has no process id in its snapshot; is it running?");
        IReadOnlyList<int> processes = [pid, .. ProcessTable.Descendants(pid)];
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        foreach (var process in processes)
        {
            Kill(process);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(healthyWithin);
        var problems = new List<string>();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, deadline.Token);
                var start = await app.ResourceCommands.ExecuteCommandAsync(Resource(resource), KnownResourceCommands.StartCommand, deadline.Token);
                try
                {
                    if (!start.Success)
                    {
                        throw new DistributedApplicationException($"Aspire's start command failed: {start.Message}");
                    }

                    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, deadline.Token);
                    break;
                }
                catch (DistributedApplicationException exception) when (attempt < StartAttempts)
                {
                    // Reported, and started again as an operator would: the rest of the run still needs the resource.
                    problems.Add($"start {attempt} failed: {exception.Message}");
                }
            }

            var healthy = clock.Elapsed;
            await WaitUntilAllHealthyAsync(deadline.Token);
            return new FaultResult(resource, killedAt, processes, healthy, clock.Elapsed, problems.Count == 0 ? null : string.Join("; ", problems));
        }
        catch (Exception exception) when (exception is DistributedApplicationException || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var state = (await app.ResourceNotifications.WaitForResourceAsync(resource, _ => true, cancellationToken)).Snapshot;
            problems.Add(exception is OperationCanceledException
                ? $"not healthy within {healthyWithin.TotalSeconds:0} s of the kill (state {state.State?.Text}, {state.HealthStatus})"
                : exception.Message);
            return new FaultResult(resource, killedAt, processes, null, null, string.Join("; ", problems));
        }
    }

    /// <summary>Every resource healthy at the same moment: one found healthy can turn unhealthy while the wait is on another.</summary>
    public async Task WaitUntilAllHealthyAsync(CancellationToken cancellationToken)
    {
        var resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource && r.Name != "aspire-dashboard" && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(r => r.Name)
            .ToList();
        while (true)
        {
            foreach (var name in resources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
            }

            var unhealthy = 0;
            foreach (var name in resources)
            {
                var snapshot = (await app.ResourceNotifications.WaitForResourceAsync(name, _ => true, cancellationToken)).Snapshot;
                unhealthy += snapshot.HealthStatus == HealthStatus.Healthy ? 0 : 1;
            }

            if (unhealthy == 0)
            {
                return;
            }
        }
    }

    private async Task<int?> ProcessIdAsync(string resource, CancellationToken cancellationToken)
    {
        var snapshot = (await app.ResourceNotifications.WaitForResourceAsync(resource, _ => true, cancellationToken)).Snapshot;
        return snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value switch
        {
            int value => value,
            long value => (int)value,
            string text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
            _ => null,
        };
    }

    private IResource Resource(string name) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: false);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited between the listing and the kill.
        }
    }
}
