using System.Net.Http.Headers;
using Jewelry.Contracts.Orders;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;

namespace Jewelry.Tests.Security;

/// <summary>The requests an external seller sends, with whatever credentials the test gives.</summary>
internal static class SellerRequests
{
    public static byte[] Ring() => StlWriter.WriteBinary(MeshFactory.SampleRing());

    public static HttpRequestMessage PlaceOrder(AuthenticationHeaderValue? authorization, byte[]? model = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("silver-925"), "material" },
            { new StringContent("pendant"), "productType" },
        };
        var file = new ByteArrayContent(model ?? Ring());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "model.stl");
        return With(new HttpRequestMessage(HttpMethod.Post, SellerApi.Orders) { Content = form }, authorization);
    }

    public static HttpRequestMessage Get(string path, AuthenticationHeaderValue? authorization) =>
        With(new HttpRequestMessage(HttpMethod.Get, path), authorization);

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static HttpRequestMessage With(HttpRequestMessage request, AuthenticationHeaderValue? authorization)
    {
        request.Headers.Authorization = authorization;
        return request;
    }
}
