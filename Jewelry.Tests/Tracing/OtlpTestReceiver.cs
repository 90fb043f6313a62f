using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Jewelry.Dashboard.Otlp.Proto.Collector.Logs;
using Jewelry.Dashboard.Otlp.Proto.Collector.Metrics;
using Jewelry.Dashboard.Otlp.Proto.Collector.Trace;
using Jewelry.Dashboard.Otlp.Proto.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.Tracing;

/// <summary>
/// An OTLP/HTTP receiver inside the test process. The services export to it exactly as they would to a
/// collector; it decodes the protobuf they send and keeps every raw payload, so tests can assert both on
/// decoded spans and on whether a string appears anywhere in what left a service.
/// </summary>
public sealed class OtlpTestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedSpan> _spans = new();
    private readonly ConcurrentQueue<byte[]> _payloads = new();
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private OtlpTestReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<CapturedSpan> Spans => [.. _spans];

    public static async Task<OtlpTestReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Over TLS with the development certificate, as the services export to the dashboards: the exporter checks the chain.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpTestReceiver(app);
        app.MapPost("/v1/traces", context => receiver.ReceiveAsync(context, receiver.DecodeTraces));
        app.MapPost("/v1/logs", context => receiver.ReceiveAsync(context, bytes => ExportLogsServiceRequest.Parser.ParseFrom(bytes)));
        app.MapPost("/v1/metrics", context => receiver.ReceiveAsync(context, bytes => ExportMetricsServiceRequest.Parser.ParseFrom(bytes)));
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Urls.First());
        return receiver;
    }

    /// <summary>True when <paramref name="text"/> occurs in any exported trace, log or metric payload.</summary>
    public bool AnyPayloadContains(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return _payloads.Any(payload => payload.AsSpan().IndexOf(needle) >= 0);
    }

    public int PayloadCount => _payloads.Count;

    /// <summary>How many requests arrived per path and outcome, for diagnosing a test that waited in vain.</summary>
    public string RequestSummary => string.Join(", ", _requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));

    /// <summary>How many exports to <paramref name="path"/> (e.g. <c>/v1/metrics</c>) were accepted.</summary>
    public int Accepted(string path) => _requests.TryGetValue($"{path} 200", out var count) ? count : 0;

    public IReadOnlyList<CapturedSpan> Trace(string traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context, Action<byte[]> decode)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        try
        {
            decode(bytes);
        }
        catch (Exception exception) when (exception is not InvalidProtocolBufferException)
        {
            _requests.AddOrUpdate($"{context.Request.Path} 500 {exception.GetType().Name}", 1, (_, n) => n + 1);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        catch (InvalidProtocolBufferException)
        {
            _requests.AddOrUpdate($"{context.Request.Path} 400", 1, (_, n) => n + 1);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _requests.AddOrUpdate($"{context.Request.Path} 200", 1, (_, n) => n + 1);
        _payloads.Enqueue(bytes);
        context.Response.ContentType = "application/x-protobuf";
        context.Response.ContentLength = 0;
    }

    private void DecodeTraces(byte[] bytes)
    {
        var request = ExportTraceServiceRequest.Parser.ParseFrom(bytes);
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = resourceSpans.Resource.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "unknown";
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(scope => scope.Spans))
            {
                _spans.Enqueue(new CapturedSpan(
                    service,
                    Convert.ToHexStringLower(span.TraceId.Span),
                    Convert.ToHexStringLower(span.SpanId.Span),
                    span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(span.ParentSpanId.Span),
                    span.Name,
                    span.Kind.ToString().Replace("SpanKind", string.Empty, StringComparison.Ordinal).ToUpperInvariant(),
                    FromUnixNano(span.StartTimeUnixNano),
                    FromUnixNano(span.EndTimeUnixNano),
                    span.Status?.Code.ToString() ?? "Unset",
                    string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
                    Attributes(span.Attributes),
                    [.. span.Links.Select(l => Convert.ToHexStringLower(l.SpanId.Span))],
                    [.. span.Events.Select(e => e.Name)]));
            }
        }
    }

    // OTLP allows a key twice; the last value wins, as in most backends.
    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[attribute.Key] = Text(attribute.Value);
        }

        return result;
    }

    private static DateTimeOffset FromUnixNano(ulong nanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));

    private static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => string.Join(",", value.ArrayValue.Values.Select(Text)),
        _ => value.ToString(),
    };
}
