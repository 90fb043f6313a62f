namespace Jewelry.Hosting;

/// <summary>An S3-compatible object store; locally s3rver (npm) with a folder per run.</summary>
public sealed class S3StoreResource : Resource, IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string PrimaryEndpointName = "http";

    // s3rver accepts only its built-in credentials.
    internal const string LocalCredential = "S3RVER";

    public S3StoreResource(string name, ParameterResource accessKey, ParameterResource secretKey)
        : base(name)
    {
        AccessKeyParameter = accessKey;
        SecretKeyParameter = secretKey;
        Endpoints = [new EndpointAnnotation(PrimaryEndpointName, "http", targetPort: 9000)];
        PrimaryEndpoint = new EndpointReference(this, PrimaryEndpointName);
        StartupTimeout = TimeSpan.FromSeconds(30);
    }

    public ParameterResource AccessKeyParameter { get; }

    public ParameterResource SecretKeyParameter { get; }

    public IReadOnlyList<EndpointAnnotation> Endpoints { get; }

    public EndpointReference PrimaryEndpoint { get; }

    /// <summary>Created at start; the first one is the <c>Bucket</c> of the connection string.</summary>
    public IList<string> Buckets { get; } = [];

    public ReferenceExpression ConnectionStringExpression => Buckets.Count == 0
        ? ReferenceExpression.Create($"Endpoint={PrimaryEndpoint};AccessKey={AccessKeyParameter};SecretKey={SecretKeyParameter}")
        : ReferenceExpression.Create($"Endpoint={PrimaryEndpoint};AccessKey={AccessKeyParameter};SecretKey={SecretKeyParameter};Bucket={Buckets[0]}");
}
