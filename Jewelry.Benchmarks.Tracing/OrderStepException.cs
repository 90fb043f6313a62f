namespace Jewelry.Benchmarks.Tracing;

/// <summary>A step of an order answered something other than what a healthy stack answers.</summary>
public sealed class OrderStepException : Exception
{
    public OrderStepException()
    {
    }

    public OrderStepException(string message)
        : base(message)
    {
    }

    public OrderStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
