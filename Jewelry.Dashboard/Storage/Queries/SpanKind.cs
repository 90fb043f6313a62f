namespace Jewelry.Dashboard.Storage.Queries;

/// <summary>OTLP span kinds, with the same numbers as the protocol.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
