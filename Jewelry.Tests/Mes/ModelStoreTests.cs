using System.Net;
using Amazon.S3;
using Jewelry.MesApi.Pricing;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class ModelStoreTests
{
    [Fact]
    public void A_seller_model_key_is_made_of_ids_only()
    {
        var orderId = Guid.Parse("01a1fca3-8d48-7c47-8243-54e33aa50c18");

        Assert.Equal("sellers/demo-seller/01a1fca3-8d48-7c47-8243-54e33aa50c18/model.stl", ModelStore.SellerModelKey("demo-seller", orderId));
    }

    [Fact]
    public void A_missing_object_is_the_order_s_problem_but_a_missing_bucket_is_the_store_s()
    {
        Assert.True(ModelStore.IsMissingObject(new AmazonS3Exception("gone") { StatusCode = HttpStatusCode.NotFound, ErrorCode = "NoSuchKey" }));
        Assert.False(ModelStore.IsMissingObject(new AmazonS3Exception("no bucket") { StatusCode = HttpStatusCode.NotFound, ErrorCode = "NoSuchBucket" }));
        Assert.False(ModelStore.IsMissingObject(new AmazonS3Exception("down") { StatusCode = HttpStatusCode.ServiceUnavailable }));
    }

    [Theory]
    [InlineData(52428800, "50 MiB")]
    [InlineData(512 * 1024, "512 KiB")]
    [InlineData(20000, "20000 bytes")]
    public void Limits_are_described_in_the_unit_they_were_set_in(long bytes, string text)
        => Assert.Equal(text, ByteSize.Describe(bytes));

    [Fact]
    public async Task Reading_stops_as_soon_as_the_limit_is_passed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var exact = new MemoryStream(new byte[100]);
        using var over = new MemoryStream(new byte[101]);

        Assert.Equal(100, (await BoundedReader.ReadAllAsync(exact, 100, ct)).Length);
        var refused = await Assert.ThrowsAsync<ModelTooLargeException>(() => BoundedReader.ReadAllAsync(over, 100, ct));
        Assert.Equal(100, refused.MaxBytes);
    }
}
