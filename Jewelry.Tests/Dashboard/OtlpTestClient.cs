using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Sends OTLP the three ways the dashboard accepts it: HTTP protobuf, HTTP JSON and gRPC (HTTP/2 cleartext), the gRPC
/// frames as they are given, so malformed ones too; <see cref="OtlpGrpcTestClient"/> is a real gRPC client.
/// </summary>
internal sealed class OtlpTestClient(DashboardProcess dashboard) : IDisposable
{
    public const string TracesGrpcPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string LogsGrpcPath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
    public const string MetricsGrpcPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    private readonly HttpClient _http = new();
    private readonly HttpClient _grpc = new(new SocketsHttpHandler());

    public string? ApiKey { get; init; } = dashboard.ApiKey;

    public Task<HttpResponseMessage> PostProtobufAsync(string path, IMessage message, bool gzip = false) =>
        PostAsync(path, message.ToByteArray(), "application/x-protobuf", gzip);

    public Task<HttpResponseMessage> PostJsonAsync(string path, IMessage message) =>
        PostAsync(path, Encoding.UTF8.GetBytes(ToOtlpJson(message)), "application/json", gzip: false);

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, bool gzip) =>
        PostRawAsync(path, gzip ? Gzip(body) : body, contentType, gzip ? "gzip" : null);

    /// <summary>Sends the body as it is, declaring whatever encoding it is told to.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string path, byte[] body, string contentType, string? contentEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(dashboard.OtlpHttpUrl, path));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(contentEncoding);
        }

        AddApiKey(request);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<GrpcResult> ExportGrpcAsync(string path, IMessage message, bool compress = false) =>
        CallGrpcAsync(path, Frame(compress ? Gzip(message.ToByteArray()) : message.ToByteArray(), compress), compress);

    public async Task<GrpcResult> CallGrpcAsync(string path, byte[] body, bool compressed = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(dashboard.OtlpGrpcUrl, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (compressed)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
        }

        AddApiKey(request);
        using var response = await _grpc.SendAsync(request, TestContext.Current.CancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.First()
            : response.Headers.TryGetValues("grpc-status", out var headerValues) ? headerValues.First() : null;
        var message = response.TrailingHeaders.TryGetValues("grpc-message", out var messages) ? Uri.UnescapeDataString(messages.First()) : null;
        return new GrpcResult(response.StatusCode, status, message, payload.Length >= 5 ? payload[5..] : []);
    }

    /// <summary>OTLP/JSON: the proto3 JSON mapping with enums as numbers and trace and span ids in hex.</summary>
    public static string ToOtlpJson(IMessage message)
    {
        var json = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatEnumsAsIntegers(true)).Format(message);
        var node = JsonNode.Parse(json)!;
        HexIds(node);
        return node.ToJsonString();
    }

    public static byte[] Frame(byte[] message, bool compressed = false)
    {
        var framed = new byte[message.Length + 5];
        framed[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    public void Dispose()
    {
        _http.Dispose();
        _grpc.Dispose();
    }

    private static void HexIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name is "traceId" or "spanId" or "parentSpanId" && value is JsonValue id)
                    {
                        obj[name] = Convert.ToHexStringLower(Convert.FromBase64String(id.GetValue<string>()));
                    }
                    else
                    {
                        HexIds(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    HexIds(item);
                }

                break;
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private void AddApiKey(HttpRequestMessage request)
    {
        if (ApiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", ApiKey);
        }
    }
}
