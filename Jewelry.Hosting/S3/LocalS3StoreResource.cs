using Jewelry.Hosting.S3;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// An S3-compatible store run locally with s3rver (npm) as an executable, its bucket created at start. The
/// connection string names the endpoint, the credentials and the bucket: <c>Endpoint=...;AccessKey=...;SecretKey=...;Bucket=...</c>.
/// </summary>
public sealed class LocalS3StoreResource : ExecutableResource, IResourceWithConnectionString
{
    public LocalS3StoreResource(string name, string bucket, string command, string workingDirectory)
        : base(name, command, workingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        Bucket = bucket;
        PrimaryEndpoint = new EndpointReference(this, S3StoreNames.PrimaryEndpointName);
    }

    public string Bucket { get; }

    public EndpointReference PrimaryEndpoint { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=http://{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)};AccessKey={S3StoreNames.LocalCredential};SecretKey={S3StoreNames.LocalCredential};Bucket={Bucket}");
}
