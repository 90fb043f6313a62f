using Amazon.S3.Model;
using Jewelry.ServiceDefaults.S3;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class S3Tests
{
    [Fact]
    public void Parses_the_connection_string_the_apphost_injects()
    {
        var connection = S3ConnectionString.Parse("Endpoint=http://127.0.0.1:4569;AccessKey=S3RVER;SecretKey=S3RVER-SECRET;Bucket=models");

        Assert.Equal(new Uri("http://127.0.0.1:4569"), connection.Endpoint);
        Assert.Equal("S3RVER", connection.AccessKey);
        Assert.Equal("S3RVER-SECRET", connection.SecretKey);
        Assert.Equal("models", connection.Bucket);
    }

    [Fact]
    public void Keys_are_case_insensitive()
        => Assert.Equal("models", S3ConnectionString.Parse("endpoint=http://s3:9000;accesskey=a;secretkey=b;bucket=models").Bucket);

    [Theory]
    [InlineData("AccessKey=a;SecretKey=b;Bucket=models")]
    [InlineData("Endpoint=http://s3:9000;AccessKey=a;SecretKey=b")]
    [InlineData("Endpoint=not a uri;AccessKey=a;SecretKey=b;Bucket=models")]
    public void Incomplete_connection_strings_are_refused(string connectionString)
        => Assert.Throws<FormatException>(() => S3ConnectionString.Parse(connectionString));

    [Fact]
    public void The_secret_never_appears_in_its_text()
        => Assert.DoesNotContain(
            "TOPSECRET",
            S3ConnectionString.Parse("Endpoint=http://s3:9000;AccessKey=a;SecretKey=TOPSECRET;Bucket=models").ToString(),
            StringComparison.Ordinal);

    [Fact]
    public void Uploads_are_sent_unchunked()
    {
        var put = new PutObjectRequest { BucketName = "models", Key = "k" };
        var part = new UploadPartRequest { BucketName = "models", Key = "k" };

        UnchunkedUploadsHandler.DisableChunkEncoding(put);
        UnchunkedUploadsHandler.DisableChunkEncoding(part);

        Assert.False(put.UseChunkEncoding);
        Assert.False(part.UseChunkEncoding);
    }
}
