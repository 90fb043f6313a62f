using System.Net.Http.Headers;
using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.MesApi.Sellers;
using Microsoft.AspNetCore.Http;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class SellerUploadReaderTests
{
    private static byte[] Cube { get; } = StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10));

    private static async Task<SellerUploadResult> ReadAsync(HttpContent content, long maxModelBytes = 1024 * 1024)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = content.Headers.ContentType?.ToString();
        context.Request.Body = new MemoryStream(await content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return await SellerUploadReader.ReadAsync(context.Request, maxModelBytes, TestContext.Current.CancellationToken);
    }

    private static MultipartFormDataContent Form(byte[]? model, string? material = "gold-585", string? productType = "ring", bool modelFirst = true)
    {
        var form = new MultipartFormDataContent();
        if (model is not null && modelFirst)
        {
            form.Add(new ByteArrayContent(model) { Headers = { ContentType = new MediaTypeHeaderValue("model/stl") } }, "file", "customer name.stl");
        }

        if (material is not null)
        {
            form.Add(new StringContent(material), "material");
        }

        if (productType is not null)
        {
            form.Add(new StringContent(productType), "productType");
        }

        if (model is not null && !modelFirst)
        {
            form.Add(new ByteArrayContent(model), "file", "model.stl");
        }

        return form;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_the_model_and_the_fields_in_any_order(bool modelFirst)
    {
        using var form = Form(Cube, modelFirst: modelFirst);

        var result = await ReadAsync(form);

        Assert.True(result.Succeeded);
        Assert.Equal(Cube, result.Upload.Model);
        Assert.Equal("gold-585", result.Upload.Material);
        Assert.Equal("ring", result.Upload.ProductType);
    }

    [Fact]
    public async Task A_model_over_the_limit_is_refused_with_413()
    {
        using var form = Form(Cube);

        var result = await ReadAsync(form, maxModelBytes: Cube.Length - 1);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, result.StatusCode);
        Assert.Contains("limit", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_exactly_at_the_limit_is_read()
    {
        using var form = Form(Cube);

        Assert.True((await ReadAsync(form, maxModelBytes: Cube.Length)).Succeeded);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused_with_415()
    {
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, (await ReadAsync(json)).StatusCode);
    }

    [Fact]
    public async Task A_form_without_the_model_is_refused_with_400()
    {
        using var form = Form(model: null);

        var result = await ReadAsync(form);

        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.Contains("'file'", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_models_are_refused()
    {
        using var form = Form(Cube);
        form.Add(new ByteArrayContent(Cube), "file", "second.stl");

        Assert.Equal(StatusCodes.Status400BadRequest, (await ReadAsync(form)).StatusCode);
    }

    [Fact]
    public async Task Missing_or_overlong_fields_are_left_for_validation()
    {
        using var form = Form(Cube, material: null, productType: new string('x', 300));

        var result = await ReadAsync(form);

        Assert.True(result.Succeeded);
        Assert.Null(result.Upload.Material);
        Assert.Null(result.Upload.ProductType);
    }
}
