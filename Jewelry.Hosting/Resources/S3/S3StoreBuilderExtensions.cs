namespace Jewelry.Hosting;

public static class S3StoreBuilderExtensions
{
    public static IResourceBuilder<S3StoreResource> AddS3Store(this IDistributedApplicationBuilder builder, string name)
    {
        var accessKey = builder.AddResource(new ParameterResource($"{name}-access-key", secret: true, S3StoreResource.LocalCredential)).Resource;
        var secretKey = builder.AddResource(new ParameterResource($"{name}-secret-key", secret: true, S3StoreResource.LocalCredential)).Resource;
        return builder.AddResource(new S3StoreResource(name, accessKey, secretKey));
    }

    public static IResourceBuilder<S3StoreResource> WithBucket(this IResourceBuilder<S3StoreResource> builder, string bucketName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        if (!builder.Resource.Buckets.Contains(bucketName))
        {
            builder.Resource.Buckets.Add(bucketName);
        }

        return builder;
    }
}
