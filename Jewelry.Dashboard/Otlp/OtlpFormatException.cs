namespace Jewelry.Dashboard.Otlp;

/// <summary>An export request body that cannot be decoded; answered with 400 and a <c>google.rpc.Status</c>.</summary>
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
