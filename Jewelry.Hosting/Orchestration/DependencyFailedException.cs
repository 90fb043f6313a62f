namespace Jewelry.Hosting;

/// <summary>A resource did not start because something it waits for failed; the other failure is the one to report.</summary>
internal sealed class DependencyFailedException(string resourceName, string reason)
    : DistributedApplicationException(resourceName, reason);
