using System.Net.Http.Headers;
using Jewelry.ShopApi;
using Jewelry.ShopApi.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Jewelry.Tests.Shop;

[Trait("Category", "Unit")]
public sealed class ModelUploadReaderTests
{
    private const int Limit = 1000;

    private static readonly ModelUploadReader _reader = new(Options.Create(new ShopOptions { MaxModelBytes = Limit }));

    [Fact]
    public async Task Reads_the_file_field_and_its_name()
    {
        var file = Bytes(Limit);
        var request = await MultipartRequestAsync(("note", "hello", null), ("file", file, "ring.stl"));

        var upload = await _reader.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(ModelUploadOutcome.Received, upload.Outcome);
        Assert.Equal(file, upload.Content.ToArray());
        Assert.Equal("ring.stl", upload.FileName);
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(Limit * 50)]
    public async Task A_file_over_the_limit_is_refused_while_reading(int size)
    {
        var request = await MultipartRequestAsync(("file", Bytes(size), "big.stl"));
        request.ContentLength = null;

        var upload = await _reader.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(ModelUploadOutcome.TooLarge, upload.Outcome);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var request = await MultipartRequestAsync(("file", Bytes(10), "small.stl"));
        request.ContentLength = _reader.MaxRequestBytes + 1;
        request.Body = new ThrowingStream();

        var upload = await _reader.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(ModelUploadOutcome.TooLarge, upload.Outcome);
    }

    [Fact]
    public async Task A_form_without_the_file_field_is_missing_it()
    {
        var request = await MultipartRequestAsync(("model", Bytes(10), "ring.stl"));

        Assert.Equal(ModelUploadOutcome.MissingFile, (await _reader.ReadAsync(request, TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task Anything_but_multipart_is_refused()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/octet-stream";
        context.Request.Body = new MemoryStream(Bytes(10));

        Assert.Equal(ModelUploadOutcome.NotMultipart, (await _reader.ReadAsync(context.Request, TestContext.Current.CancellationToken)).Outcome);
    }

    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)i)];

    private static async Task<HttpRequest> MultipartRequestAsync(params (string Name, object Value, string? FileName)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value, fileName) in fields)
        {
            HttpContent part = value is byte[] bytes ? new ByteArrayContent(bytes) : new StringContent((string)value);
            if (fileName is null)
            {
                form.Add(part, name);
            }
            else
            {
                part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(part, name, fileName);
            }
        }

        var body = await form.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var context = new DefaultHttpContext();
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => throw new InvalidOperationException("The body must not be read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("The body must not be read.");
    }
}
