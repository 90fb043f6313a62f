namespace Aspire.Hosting;

/// <summary>The images the infrastructure runs as when it runs in containers: pinned, so a deployment is repeatable.</summary>
public static class ContainerImages
{
    public const string Registry = "docker.io";
    public const string PostgresTag = "18.3";
    public const string RabbitMQTag = "4.3-management";
    public const string Minio = "minio/minio";
    public const string MinioTag = "RELEASE.2025-04-22T22-12-26Z";
}
