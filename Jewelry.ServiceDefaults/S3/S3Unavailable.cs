using Amazon.Runtime;

namespace Jewelry.ServiceDefaults.S3;

/// <summary>Failures of an S3 call that mean the store could not be reached or refused to work, as opposed to a bug.</summary>
public static class S3Unavailable
{
    /// <summary>True for those failures, and for a timeout the caller did not ask for (its own token not cancelled).</summary>
    public static bool Is(Exception exception, CancellationToken callerToken)
        => exception is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException or IOException
            || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
}
