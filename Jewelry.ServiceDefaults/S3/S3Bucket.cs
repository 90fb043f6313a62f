namespace Jewelry.ServiceDefaults.S3;

/// <summary>The bucket named by the S3 connection string (<c>models</c>).</summary>
public sealed record S3Bucket(string Name);
