namespace Jewelry.Dashboard.Ingest.Records;

/// <summary>An OTLP resource; <see cref="ResourceId"/> is a hash of its attributes, so equal resources share a row.</summary>
public sealed record ResourceRecord(
    long ResourceId,
    string ServiceName,
    string? ServiceInstanceId,
    string AttributesJson,
    int DroppedAttributesCount);
