using System.Net;
using System.Text;
using Jewelry.Dashboard.Otlp;
using Jewelry.Tests.Dashboard;

namespace Jewelry.Tests.Corpus;

/// <summary>
/// The dashboard's OTLP endpoints, which no OpenAPI document lists (OTLP is specified by OpenTelemetry, not by us),
/// written here once: OTLP/HTTP <c>POST /v1/traces|logs|metrics</c> and the three OTLP/gRPC Export methods, with the
/// malformed requests each gets.
/// </summary>
internal static class OtlpEndpoints
{
    public static readonly (string Path, string ResourceField)[] Http =
    [
        ($"{OtlpRoutes.HttpPrefix}/traces", "resourceSpans"),
        ($"{OtlpRoutes.HttpPrefix}/logs", "resourceLogs"),
        ($"{OtlpRoutes.HttpPrefix}/metrics", "resourceMetrics"),
    ];

    public static readonly string[] Grpc = [OtlpTestClient.TracesGrpcPath, OtlpTestClient.LogsGrpcPath, OtlpTestClient.MetricsGrpcPath];

    private const string Protobuf = "application/x-protobuf";
    private const string Json = "application/json";

    private static readonly string s_tenKilobytes = new('x', MalformedRequests.HeaderValueBytes);

    public static IEnumerable<CorpusCase> HttpCases(Uri baseAddress, string apiKey)
    {
        foreach (var (path, field) in Http)
        {
            var target = $"POST {path}";
            foreach (var (problem, body, contentType, encoding) in new (string, byte[], string?, string?)[]
            {
                ("protobuf that is not protobuf", [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], Protobuf, null),
                ("truncated protobuf", [0x0A, 0x10, 0x0A], Protobuf, null),
                ("body that is not JSON", Utf8("this is not JSON"), Json, null),
                ("empty JSON body", [], Json, null),
                ("JSON of the wrong shape", Utf8($"{{\"{field}\":\"not a list\"}}"), Json, null),
                ("JSON of the wrong types", Utf8($"{{\"{field}\":[{{\"resource\":{{\"attributes\":[{{\"key\":12,\"value\":[]}}]}}}}]}}"), Json, null),
                ("JSON with a huge number", Utf8($"{{\"{field}\":[{{\"resource\":{{\"droppedAttributesCount\":1e400}}}}]}}"), Json, null),
                ("JSON nested 10000 deep", Utf8(new string('[', 10000) + new string(']', 10000)), Json, null),
                ("non-UTF-8 bytes in JSON", [.. Utf8($"{{\"{field}\":[{{\"schemaUrl\":\""), 0xFF, 0xFE, .. Utf8("\"}]}")], Json, null),
                ("text/plain", Utf8("{}"), "text/plain", null),
                ("no content type", Utf8("{}"), null, null),
                ("10 KB content type", Utf8("{}"), $"application/{s_tenKilobytes}", null),
                ("gzip declared but not gzip", Utf8("not gzip at all"), Protobuf, "gzip"),
                ("unknown content encoding", Utf8("{}"), Json, "br"),
            })
            {
                yield return new(target, problem, CorpusExpectation.ClientError, () => Post(baseAddress, path, body, contentType, encoding, apiKey), Protocol: CorpusProtocol.OtlpHttp);
            }

            yield return new(target, "no API key", CorpusExpectation.ClientError, () => Post(baseAddress, path, [], Protobuf, null, apiKey: null), Protocol: CorpusProtocol.OtlpHttp);
            yield return new(target, "10 KB API key", CorpusExpectation.ClientError, () => Post(baseAddress, path, [], Protobuf, null, s_tenKilobytes), Protocol: CorpusProtocol.OtlpHttp);
        }
    }

    public static IEnumerable<CorpusCase> GrpcCases(Uri baseAddress, string apiKey)
    {
        foreach (var path in Grpc)
        {
            var target = $"gRPC {path}";
            foreach (var (problem, frame, encoding) in new (string, byte[], string?)[]
            {
                ("message that is not protobuf", OtlpTestClient.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), null),
                ("truncated message", OtlpTestClient.Frame([0x0A, 0x10, 0x0A]), null),
                ("frame shorter than its length prefix", [0, 0, 0, 0, 100, 1, 2, 3], null),
                ("gzip declared but not gzip", OtlpTestClient.Frame(Utf8("not gzip at all"), compressed: true), "gzip"),
                ("unknown message encoding", OtlpTestClient.Frame(Utf8("x"), compressed: true), "zstd-corpus"),
            })
            {
                yield return new(target, problem, CorpusExpectation.ClientError, () => GrpcCall(baseAddress, path, frame, encoding, apiKey), Protocol: CorpusProtocol.OtlpGrpc);
            }

            yield return new(target, "no API key", CorpusExpectation.ClientError, () => GrpcCall(baseAddress, path, OtlpTestClient.Frame([]), null, apiKey: null), Protocol: CorpusProtocol.OtlpGrpc);
            yield return new(target, "10 KB API key", CorpusExpectation.ClientError, () => GrpcCall(baseAddress, path, OtlpTestClient.Frame([]), null, s_tenKilobytes), Protocol: CorpusProtocol.OtlpGrpc);
        }
    }

    private static HttpRequestMessage Post(Uri baseAddress, string path, byte[] body, string? contentType, string? encoding, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path)) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (encoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(encoding);
        }

        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation(OtlpOptions.ApiKeyHeaderName, apiKey);
        }

        return request;
    }

    private static HttpRequestMessage GrpcCall(Uri baseAddress, string path, byte[] frame, string? encoding, string? apiKey)
    {
        var request = Post(baseAddress, path, frame, "application/grpc", null, apiKey);
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        return request;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
