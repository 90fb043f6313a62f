namespace Jewelry.Hosting;

/// <summary>A resource failed to start or stop; the message names it and says why.</summary>
public class DistributedApplicationException : Exception
{
    public DistributedApplicationException()
    {
    }

    public DistributedApplicationException(string message)
        : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DistributedApplicationException(string resourceName, string reason)
        : base($"Resource '{resourceName}' failed: {reason}")
    {
        ResourceName = resourceName;
        Reason = reason;
    }

    public string? ResourceName { get; }

    public string? Reason { get; }
}
