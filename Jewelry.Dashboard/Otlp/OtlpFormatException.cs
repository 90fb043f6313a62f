namespace Jewelry.Dashboard.Otlp;

/// <summary>An export request body that cannot be decoded; answered with 400 (HTTP) or INVALID_ARGUMENT (gRPC).</summary>
public sealed class OtlpFormatException : Exception
{
    public OtlpFormatException()
    {
    }

    public OtlpFormatException(string message)
        : base(message)
    {
    }

    public OtlpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
