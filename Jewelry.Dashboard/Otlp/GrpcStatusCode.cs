namespace Jewelry.Dashboard.Otlp;

/// <summary>The gRPC status codes this endpoint answers with.</summary>
public enum GrpcStatusCode
{
    Ok = 0,
    InvalidArgument = 3,
    ResourceExhausted = 8,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
}
