using Jewelry.Hosting.S3;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>MinIO in a container, for publishing (and run mode with containers): the same connection string as the local store.</summary>
public sealed class MinioContainerResource : ContainerResource, IResourceWithConnectionString
{
    public MinioContainerResource(string name, string bucket, ParameterResource rootUser, ParameterResource rootPassword)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(rootUser);
        ArgumentNullException.ThrowIfNull(rootPassword);
        Bucket = bucket;
        RootUserParameter = rootUser;
        RootPasswordParameter = rootPassword;
        PrimaryEndpoint = new EndpointReference(this, S3StoreNames.PrimaryEndpointName);
    }

    public string Bucket { get; }

    public ParameterResource RootUserParameter { get; }

    public ParameterResource RootPasswordParameter { get; }

    public EndpointReference PrimaryEndpoint { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={PrimaryEndpoint.Property(EndpointProperty.Url)};AccessKey={RootUserParameter};SecretKey={RootPasswordParameter};Bucket={Bucket}");
}
