using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.LocalData;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.Hosting.Reporting;

/// <summary>Turns Aspire's resource events into the report's plain states: starting, waiting, running, healthy, unhealthy, stopped, failed.</summary>
internal static class ResourceRows
{
    public const string Starting = "starting";
    public const string NotStarted = "not started";

    /// <param name="resourceEvent">What Aspire says of the resource now.</param>
    /// <param name="wasHealthy">
    /// Whether it has been healthy since it last started: before that, failing health checks are part of starting
    /// (a broker takes seconds to accept connections) and are reported only if starting takes long.
    /// </param>
    /// <param name="failedResources">Names of resources the report has seen fail, to say why one that waited for them failed.</param>
    public static ResourceRow From(ResourceEvent resourceEvent, bool wasHealthy, IReadOnlySet<string> failedResources)
    {
        var snapshot = resourceEvent.Snapshot;
        var (state, reason) = Describe(resourceEvent.Resource, snapshot, wasHealthy, failedResources);
        var endpoints = snapshot.Urls
            .Where(url => !url.IsInternal && url.Name is not null)
            .GroupBy(url => url.Name!)
            .ToImmutableSortedDictionary(group => group.Key, group => group.First().Url.TrimEnd('/'), StringComparer.Ordinal);
        var pid = snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int value when value > 0 => ProcessTable.WorkingProcess(value),
            long value when value > 0 => ProcessTable.WorkingProcess((int)value),
            string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => ProcessTable.WorkingProcess(value),

            // Not launched (yet): DCP says 0.
            _ => (int?)null,
        };
        return new ResourceRow(resourceEvent.Resource.Name, DisplayType(resourceEvent.Resource, snapshot), state, reason, pid, endpoints, snapshot.StartTimeStamp);
    }

    /// <summary>What the resource is, rather than how it runs (Aspire says Executable for a PostgreSQL and a broker alike).</summary>
    private static string DisplayType(IResource resource, CustomResourceSnapshot snapshot) => resource switch
    {
        LocalPostgresServerResource or PostgresServerResource => "postgres",
        LocalPostgresDatabaseResource or PostgresDatabaseResource => "database",
        LocalRabbitMQServerResource or RabbitMQServerResource => "rabbitmq",
        LocalS3StoreResource or MinioContainerResource => "s3",
        ProjectResource => "project",
        _ => snapshot.ResourceType.ToLowerInvariant(),
    };

    private static (string State, string? Reason) Describe(IResource resource, CustomResourceSnapshot snapshot, bool wasHealthy, IReadOnlySet<string> failedResources)
    {
        var text = snapshot.State?.Text;
        if (text == KnownResourceStates.Waiting)
        {
            var dependencies = resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).Distinct().ToList();
            return ("waiting", dependencies.Count > 0 ? $"for {string.Join(", ", dependencies)}" : null);
        }

        if (text == KnownResourceStates.FailedToStart)
        {
            var failedDependencies = resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).Where(failedResources.Contains).Distinct().ToList();
            return ("failed", resource.Annotations.OfType<StartProblemAnnotation>().LastOrDefault()?.Problem
                ?? (failedDependencies.Count > 0
                    ? $"not started: it waits for {string.Join(", ", failedDependencies)}, which failed"
                    : "failed to start; its console log says why"));
        }

        if (text == KnownResourceStates.Exited || text == KnownResourceStates.Finished)
        {
            return (snapshot.ExitCode is { } code and not 0 ? "failed" : "stopped", snapshot.ExitCode is { } exitCode ? $"exit code {exitCode}" : null);
        }

        if (text == KnownResourceStates.Running || text == KnownResourceStates.Active)
        {
            return snapshot.HealthStatus switch
            {
                HealthStatus.Healthy => (ResourceRow.Healthy, null),
                null => ("running", null),
                _ when !wasHealthy => (Starting, UnhealthyReason(snapshot)),
                _ => ("unhealthy", UnhealthyReason(snapshot)),
            };
        }

        if (string.IsNullOrEmpty(text) || text == KnownResourceStates.NotStarted)
        {
            return (NotStarted, null);
        }

        return (text == KnownResourceStates.Starting ? Starting : text.ToLowerInvariant(), null);
    }

    private static string? UnhealthyReason(CustomResourceSnapshot snapshot) =>
        snapshot.HealthReports
            .Where(report => report.Status is not HealthStatus.Healthy)
            .Select(report => report.Description ?? FirstLine(report.ExceptionText) ?? (report.Status is null ? "health not checked yet" : report.Status.ToString()))
            .FirstOrDefault();

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim();
}
