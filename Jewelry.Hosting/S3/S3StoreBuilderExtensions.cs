using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.LocalData;
using Jewelry.Hosting.S3;

namespace Aspire.Hosting;

public static class S3StoreBuilderExtensions
{
    /// <summary>
    /// Adds an S3-compatible store run locally with s3rver (from the repository's tools/s3rver, installed by npm) on a port
    /// Aspire allocates, its objects in the AppHost's data folder and <paramref name="bucket"/> created at start.
    /// </summary>
    public static IResourceBuilder<LocalS3StoreResource> AddLocalS3Store(this IDistributedApplicationBuilder builder, [ResourceName] string name, string bucket)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var installation = S3rverInstallation.Locate(builder.Configuration, RepositoryRoot.Locate(builder.AppHostDirectory));
        var data = LocalDataDirectory.For(builder);
        var folder = Path.Combine(data.Path, name);
        var store = new LocalS3StoreResource(name, bucket, installation.Node ?? "node", folder);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(store, (_, _) =>
        {
            StartProblemAnnotation.ThrowIfAny(store, installation.Problem());

            data.ResourceDirectory(name);
            return Task.CompletedTask;
        });

        return builder.AddResource(store)
            .WithHttpEndpoint(name: S3StoreNames.PrimaryEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(installation.Script);
                context.Args.Add("-d");
                context.Args.Add(folder);
                context.Args.Add("-a");
                context.Args.Add("127.0.0.1");
                context.Args.Add("-p");
                context.Args.Add(store.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--configure-bucket");
                context.Args.Add(bucket);

                // s3rver logs three lines per request, health probes included.
                context.Args.Add("--silent");
            })
            .WithHttpHealthCheck(string.Create(CultureInfo.InvariantCulture, $"/{bucket}"), endpointName: S3StoreNames.PrimaryEndpointName)
            .WithIconName("Storage")
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Adds MinIO in a pinned container with a data volume; the bucket is created when the container starts (a folder
    /// at the top of MinIO's single drive is a bucket). For publishing, and run mode with containers.
    /// </summary>
    public static IResourceBuilder<MinioContainerResource> AddMinio(this IDistributedApplicationBuilder builder, [ResourceName] string name, string bucket)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(bucket);

        var rootUser = ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-root-user", secret: true, new GenerateParameterDefault { MinLength = 16, Special = false, Upper = false });
        var rootPassword = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-root-password", special: false);
        var store = new MinioContainerResource(name, bucket, rootUser, rootPassword);

        var minio = builder.AddResource(store);
        return minio
            .WithImage(ContainerImages.Minio, ContainerImages.MinioTag)
            .WithImageRegistry(ContainerImages.Registry)
            .WithHttpEndpoint(targetPort: 9000, name: S3StoreNames.PrimaryEndpointName)
            .WithHttpEndpoint(targetPort: 9001, name: "console")
            .WithEnvironment("MINIO_ROOT_USER", rootUser)
            .WithEnvironment("MINIO_ROOT_PASSWORD", rootPassword)
            .WithEntrypoint("/bin/sh")
            .WithArgs("-c", $"mkdir -p /data/{bucket} && exec minio server /data --console-address :9001")
            .WithVolume(VolumeNameGenerator.Generate(minio, "data"), "/data")
            .WithHttpHealthCheck("/minio/health/live", endpointName: S3StoreNames.PrimaryEndpointName)
            .WithIconName("Storage");
    }
}
