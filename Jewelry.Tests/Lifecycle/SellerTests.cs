using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>External sellers call the MES API directly with the deprecated HTTP Basic client credentials (the token path: Security/).</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class SellerTests(StackFixture stack)
{
    private const string Seller = DemoSellers.Seller;
    private const string OtherSeller = DemoSellers.OtherSeller;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_places_an_order_and_reads_it_but_not_another_sellers()
    {
        using var created = await PlaceAsync(Seller, StlWriter.WriteBinary(MeshFactory.SampleRing()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location ?? throw new InvalidOperationException("no Location header");

        using var own = await SendAsync(HttpMethod.Get, location.ToString(), Seller);
        using var others = await SendAsync(HttpMethod.Get, location.ToString(), OtherSeller);
        using var anonymous = await SendAsync(HttpMethod.Get, location.ToString(), credentials: null);
        using var wrongSecret = await SendAsync(HttpMethod.Get, location.ToString(), "demo-seller:not-the-secret");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("Basic", wrongSecret.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_seller_model_that_is_not_printable_is_refused()
    {
        using var flat = await PlaceAsync(Seller, StlWriter.WriteBinary(new Mesh([new Triangle(new(0, 0, 0), new(5, 0, 0), new(0, 5, 0))])));
        using var notStl = await PlaceAsync(Seller, Encoding.ASCII.GetBytes("this is a text file, not a model of anything at all"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, flat.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notStl.StatusCode);
    }

    private async Task<HttpResponseMessage> PlaceAsync(string credentials, byte[] model)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("silver-925"), "material" },
            { new StringContent("pendant"), "productType" },
        };
        var file = new ByteArrayContent(model);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "model.stl");
        return await SendAsync(HttpMethod.Post, "/api/seller/orders", credentials, form);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credentials, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (credentials is not null)
        {
            request.Headers.Authorization = DemoSellers.Basic(credentials);
        }

        return await stack.Mes.SendAsync(request, Ct);
    }
}
