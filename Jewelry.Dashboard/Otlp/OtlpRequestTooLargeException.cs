namespace Jewelry.Dashboard.Otlp;

public sealed class OtlpRequestTooLargeException : Exception
{
    public OtlpRequestTooLargeException()
    {
    }

    public OtlpRequestTooLargeException(string message)
        : base(message)
    {
    }

    public OtlpRequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
