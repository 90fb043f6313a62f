namespace Jewelry.Hosting.S3;

internal static class S3StoreNames
{
    public const string PrimaryEndpointName = "http";

    /// <summary>s3rver accepts only its built-in credentials.</summary>
    public const string LocalCredential = "S3RVER";
}
