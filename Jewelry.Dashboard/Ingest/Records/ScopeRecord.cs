namespace Jewelry.Dashboard.Ingest.Records;

/// <summary>The instrumentation scope (library) that produced a span, log or metric.</summary>
public sealed record ScopeRecord(string Name, string? Version, string? AttributesJson);
