using System.Globalization;
using System.Net;
using Jewelry.Dashboard.Otlp.Proto.Trace;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Eight orders A to H sent over OTLP into the two hours after a chosen start: their status changes (some failed,
/// some before or after the window) and hops of every kind with known durations. The tests that read the
/// statistics back spell out, from these times, what each number must be.
/// </summary>
internal sealed class StageData
{
    private StageData(string service, DateTimeOffset from)
    {
        Service = service;
        From = from;
        To = from.AddHours(2);
    }

    public string Service { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary>The window as query parameters.</summary>
    public string Query =>
        $"from={Uri.EscapeDataString(From.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(To.ToString("O", CultureInfo.InvariantCulture))}";

    public StageOrder A { get; } = StageTelemetry.NewOrder();

    public StageOrder B { get; } = StageTelemetry.NewOrder();

    public StageOrder C { get; } = StageTelemetry.NewOrder();

    public StageOrder D { get; } = StageTelemetry.NewOrder();

    public StageOrder E { get; } = StageTelemetry.NewOrder();

    public StageOrder F { get; } = StageTelemetry.NewOrder();

    public StageOrder G { get; } = StageTelemetry.NewOrder();

    public StageOrder H { get; } = StageTelemetry.NewOrder();

    /// <summary>The span id of the hop that is the slowest <c>SELECT orders</c>.</summary>
    public string SlowestSelectSpan { get; private set; } = string.Empty;

    private Dictionary<(string OrderId, string Status), string> Transitions { get; } = [];

    /// <summary>The span id of the successful transition of an order into a status.</summary>
    public string SpanOf(StageOrder order, string status) => Transitions[(order.Id, status)];

    /// <summary>Sends the orders with times counted in seconds from <paramref name="from"/> (a whole second), and waits until every span is stored.</summary>
    public static async Task<StageData> SendAsync(DashboardProcess dashboard, HttpClient api, DateTimeOffset from)
    {
        var data = new StageData("stages-" + Guid.NewGuid().ToString("N")[..8], from);
        var telemetry = new StageTelemetry(data.Service, from);

        void Path(StageOrder order, params (string Status, double At, bool Failed)[] steps)
        {
            var previous = "NONE";
            foreach (var (status, at, failed) in steps)
            {
                var spanId = telemetry.Transition(order, previous, status, at, failed);
                if (!failed)
                {
                    data.Transitions[(order.Id, status)] = spanId;
                    previous = status;
                }
            }
        }

        Path(data.A, ("INITIATED", 60, false), ("FILE_UPLOADED", 180, false), ("SUBMITTED", 240, false), ("PRICE_CALCULATED", 270, false));
        Path(data.B, ("INITIATED", 120, false), ("FILE_UPLOADED", 600, false), ("SUBMITTED", 690, false), ("PRICE_CALCULATED", 700, true), ("PRICE_CALCULATED", 760, false));
        Path(data.C, ("INITIATED", 300, false), ("FILE_UPLOADED", 360, false), ("SUBMITTED", 1200, false));
        Path(data.D, ("INITIATED", 420, false));
        Path(data.E, ("INITIATED", 480, false), ("FILE_UPLOADED", 480.5, false), ("ON_HOLD", 540, false));
        Path(data.F, ("INITIATED", -600, false), ("FILE_UPLOADED", 1800, false), ("SUBMITTED", 1830, false));
        Path(data.G, ("INITIATED", 6600, false), ("FILE_UPLOADED", 7800, false));
        Path(data.H, ("INITIATED", 900, false), ("FILE_UPLOADED", 960, true), ("FILE_UPLOADED", 1500, false));

        var postgres = SampleTelemetry.Attr("db.system.name", "postgresql");
        telemetry.Hop(data.A, "SELECT orders", Span.Types.SpanKind.Client, 100, 4, false, postgres);
        telemetry.Hop(data.B, "SELECT orders", Span.Types.SpanKind.Client, 101, 9, false, postgres);
        telemetry.Hop(data.C, "SELECT orders", Span.Types.SpanKind.Client, 102, 1, false, postgres);
        telemetry.Hop(data.D, "SELECT orders", Span.Types.SpanKind.Client, 103, 16, true, postgres);
        data.SlowestSelectSpan = telemetry.Hop(data.E, "SELECT orders", Span.Types.SpanKind.Client, 104, 25, false, postgres);
        // Over an hour after the window: hops are counted by whole minutes, or whole hours more than two days back.
        telemetry.Hop(data.A, "SELECT orders", Span.Types.SpanKind.Client, 7200 + 3600 + 100, 500, false, postgres);
        telemetry.Hop(data.A, "POST /orders/{id}/submit", Span.Types.SpanKind.Server, 200, 120, false, SampleTelemetry.Attr("http.request.method", "POST"));
        telemetry.Hop(data.B, "POST /orders/{id}/submit", Span.Types.SpanKind.Server, 650, 80, false, SampleTelemetry.Attr("http.request.method", "POST"));
        telemetry.Hop(data.B, "send price.requested", Span.Types.SpanKind.Producer, 660, 3, false, SampleTelemetry.Attr("messaging.system", "rabbitmq"));
        telemetry.Hop(data.A, "S3.PutObject", Span.Types.SpanKind.Client, 150, 250, false, SampleTelemetry.Attr("rpc.service", "S3"), SampleTelemetry.Attr("rpc.method", "PutObject"));
        telemetry.Hop(data.D, "price.calculate", Span.Types.SpanKind.Internal, 500, 1000, false);
        telemetry.Hop(null, "GET /health", Span.Types.SpanKind.Server, 500, 2, false, SampleTelemetry.Attr("http.request.method", "GET"));

        using (var otlp = new OtlpTestClient(dashboard))
        {
            using var response = await otlp.PostProtobufAsync("/v1/traces", telemetry.ToRequest());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var (traceId, spans) in telemetry.SpanCounts)
        {
            (await api.WaitForTraceAsync(traceId, spans)).Dispose();
        }

        return data;
    }
}
