namespace Jewelry.Hosting;

/// <summary>A resource as it is at one moment: state, processes, endpoints, connection string.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    /// <summary>postgres, postgres.database, rabbitmq, s3, project.</summary>
    public required string Type { get; init; }

    public required ResourceState State { get; init; }

    /// <summary>Why the resource failed, exited or is unhealthy.</summary>
    public string? StateReason { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>The main process (postgres, beam.smp, node, dotnet); null when not running.</summary>
    public int? ProcessId { get; init; }

    /// <summary>Every process the AppHost started for this resource and that is still running (RabbitMQ also has epmd).</summary>
    public IReadOnlyList<int> ProcessIds { get; init; } = [];

    public IReadOnlyDictionary<string, Uri> Endpoints { get; init; } = new Dictionary<string, Uri>();

    public string? ConnectionString { get; init; }

    public string? Parent { get; init; }
}
