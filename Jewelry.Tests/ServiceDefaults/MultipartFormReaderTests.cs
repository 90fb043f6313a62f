using System.Text;
using Jewelry.ServiceDefaults.Multipart;
using Microsoft.AspNetCore.Http;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class MultipartFormReaderTests
{
    private static readonly MultipartFormLimits s_limits = new(MaxFileBytes: 100, MaxFieldBytes: 10, MaxParts: 4);

    private static Task<MultipartFormResult> ReadAsync(string? contentType, string body) =>
        MultipartFormReader.ReadAsync(Request(contentType, Encoding.UTF8.GetBytes(body)), s_limits, ["file"], ["material"], TestContext.Current.CancellationToken);

    private static HttpRequest Request(string? contentType, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    [Fact]
    public async Task Reads_the_named_file_and_field_and_skips_the_rest()
    {
        var result = await ReadAsync(
            "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n gold-585 \r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ring.stl\"\r\n\r\nsolid\r\n--b--\r\n");

        Assert.True(result.Succeeded);
        Assert.Equal("solid", Encoding.UTF8.GetString(result.Form.File("file")!.Content.Span));
        Assert.Equal("ring.stl", result.Form.File("file")!.FileName);
        Assert.Equal("gold-585", result.Form.Field("material"));
        Assert.Null(result.Form.Field("note"));
    }

    [Fact]
    public async Task A_body_that_uses_another_boundary_than_the_content_type_is_malformed()
    {
        var result = await ReadAsync("multipart/form-data; boundary=other", "--nope\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nsolid");

        Assert.Equal(MultipartFormOutcome.Malformed, result.Outcome);
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.Contains("'--other--'", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nsol")]
    [InlineData("--b\r\nContent-Disposition: form-da")]
    [InlineData("")]
    public async Task A_body_cut_short_is_malformed(string body)
    {
        var result = await ReadAsync("multipart/form-data; boundary=b", body);

        Assert.Equal(MultipartFormOutcome.Malformed, result.Outcome);
        Assert.Contains("closing boundary", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_headers_beyond_the_reader_s_limit_are_malformed()
    {
        var result = await ReadAsync("multipart/form-data; boundary=b", $"--b\r\nX-Long: {new string('x', 20_000)}\r\n\r\nsolid\r\n--b--\r\n");

        Assert.Equal(MultipartFormOutcome.Malformed, result.Outcome);
        Assert.StartsWith("The multipart/form-data body is malformed: ", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=\"\"")]
    [InlineData("multipart/form-data; boundary=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_content_type_without_a_usable_boundary_is_malformed(string contentType)
    {
        var result = await ReadAsync(contentType, "--b--\r\n");

        Assert.Equal(MultipartFormOutcome.Malformed, result.Outcome);
        Assert.Contains("boundary", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("multipart/mixed; boundary=b")]
    [InlineData("not a media type")]
    public async Task Anything_but_multipart_form_data_is_unsupported(string? contentType)
    {
        var result = await ReadAsync(contentType, "--b--\r\n");

        Assert.Equal(MultipartFormOutcome.NotMultipart, result.Outcome);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, result.StatusCode);
    }

    [Fact]
    public async Task A_second_file_in_the_same_part_name_is_refused()
    {
        var part = "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nsolid\r\n";
        var result = await ReadAsync("multipart/form-data; boundary=b", part + part + "--b--\r\n");

        Assert.Equal(MultipartFormOutcome.Malformed, result.Outcome);
        Assert.Contains("one file in 'file'", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_parts_than_the_limit_are_refused()
    {
        var body = string.Concat(Enumerable.Repeat("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n", s_limits.MaxParts + 1)) + "--b--\r\n";

        var result = await ReadAsync("multipart/form-data; boundary=b", body);

        Assert.Equal(MultipartFormOutcome.Malformed, result.Outcome);
        Assert.Contains($"more than {s_limits.MaxParts} parts", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_too_large_and_an_overlong_field_is_left_out()
    {
        var tooLarge = await ReadAsync(
            "multipart/form-data; boundary=b",
            $"--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{new string('x', 101)}\r\n--b--\r\n");
        var overlongField = await ReadAsync(
            "multipart/form-data; boundary=b",
            $"--b\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n{new string('x', 11)}\r\n--b--\r\n");

        Assert.Equal(MultipartFormOutcome.TooLarge, tooLarge.Outcome);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, tooLarge.StatusCode);
        Assert.True(overlongField.Succeeded);
        Assert.Null(overlongField.Form.Field("material"));
    }
}
