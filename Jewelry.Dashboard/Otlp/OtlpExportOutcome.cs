using Google.Protobuf;

namespace Jewelry.Dashboard.Otlp;

/// <summary><see cref="Accepted"/> is false when the queue refused the request (full or stopping); the exporter should retry.</summary>
public sealed record OtlpExportOutcome<TResponse>(bool Accepted, TResponse Response)
    where TResponse : IMessage<TResponse>;
