namespace Jewelry.Benchmarks.Tracing;

/// <summary>One of the two stacks compared: its label, what it means, and the environment its services get on top of the app model's.</summary>
public sealed record TracingMode(string Name, string Description, IReadOnlyDictionary<string, string> ServiceEnvironment)
{
    /// <summary>
    /// No span is sampled, so none is recorded, processed or exported. Activities still exist for context
    /// propagation, and metrics and logs are still exported to the stack's dashboard as in <see cref="On"/>,
    /// so the difference between the two stacks is tracing alone.
    /// </summary>
    public static TracingMode Off { get; } = new(
        "OFF",
        "sampler always_off: no span recorded or exported; metrics and logs still exported over OTLP to the stack's own dashboard",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["OTEL_TRACES_SAMPLER"] = "always_off" });

    /// <summary>The app model unchanged: the SDK's default parent-based always-on sampler (100%), everything exported to the dashboard.</summary>
    public static TracingMode On { get; } = new(
        "ON",
        "app model defaults: SDK default sampler parentbased_always_on (100%); traces, metrics and logs exported over OTLP to the stack's own dashboard (Jewelry.Dashboard, stored in PostgreSQL)",
        new Dictionary<string, string>(StringComparer.Ordinal));
}
