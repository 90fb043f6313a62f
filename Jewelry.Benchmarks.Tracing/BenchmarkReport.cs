using System.Globalization;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>Everything the benchmark prints: header, settings, one line per round, the results and their ON/OFF ratios.</summary>
public sealed class BenchmarkReport(BenchmarkOptions options, TextWriter output)
{
    private static IReadOnlyList<string> Services { get; } = ["shop-api", "crm-api", "mes-api"];

    public void PrintHeader(string logDirectory)
    {
        Line("Tracing cost, end to end: the whole Jewelry stack twice, tracing OFF and tracing ON, the same orders through both");
        Line($"Machine:      {MachineInfo.Cores} cores ({MachineInfo.CpuModel}), load average at start {MachineInfo.LoadAverage}");
        Line($"Run:          {options.Rounds} rounds + {options.WarmUpRounds} warm-up round{(options.WarmUpRounds == 1 ? string.Empty : "s")} (not counted); each round runs a batch of {options.Batch} orders on each stack, one stack at a time, order flipped every round");
        Line($"Batch:        {options.Concurrency} orders in flight; per-order deadline {Seconds(options.OrderTimeout)}; {Milliseconds(options.PauseBetweenBatches)} pause after every batch");
        Line($"Order:        POST /api/orders (ring, gold-585) -> PUT /api/orders/{{id}}/model ({SampleModel.Stl.Length:N0}-byte binary STL of MeshFactory.SampleRing)");
        Line($"              -> POST /api/orders/{{id}}/submit -> GET /api/orders/{{id}} every {Milliseconds(options.PollInterval)} until {OrderJourney.PricedStatus}");
        Line("Latency:      from the first request to the poll that sees the price; throughput: priced orders / batch wall-clock time");
        Line($"Status polls: {(options.TracePolls ? "traced like any request (--trace-polls)" : "sent with an unsampled traceparent (flags 00), so the benchmark's own polling is not traced in either stack")}");
        Line($"Stack output: {logDirectory}");
        Line();
    }

    public async Task PrintSettingsAsync(StackInstance off, StackInstance on)
    {
        Line("Settings (read from the running services' environment; both stacks run the Release build of this repository)");
        foreach (var stack in new[] { off, on })
        {
            Line($"  Tracing {stack.Mode.Name}: {stack.Mode.Description}");
            Line($"    Added to the app model: {(stack.Mode.ServiceEnvironment.Count == 0 ? "nothing" : string.Join(", ", stack.Mode.ServiceEnvironment.Select(v => $"{v.Key}={v.Value}")))}");
            await PrintServiceEnvironmentAsync(stack);
        }

        Line();
    }

    public void PrintRoundHeader()
    {
        Line("Round    First | OFF priced  orders/s   p50 ms   p99 ms | ON priced  orders/s   p50 ms   p99 ms | ON/OFF orders/s");
    }

    /// <summary>One line per round; <paramref name="countedRound"/> is null for a warm-up round.</summary>
    public void PrintRound(int? countedRound, TracingMode first, BatchResult off, BatchResult on)
    {
        var label = countedRound?.ToString(CultureInfo.InvariantCulture) ?? "warm-up";
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-8} {first.Name,-4} | {BatchColumns(off)} | {BatchColumns(on)} | {Ratio(on.OrdersPerSecond, off.OrdersPerSecond),15}"));
    }

    public void PrintResults(StackResults off, StackResults on, (long? Count, string? Problem) offSpans, (long? Count, string? Problem) onSpans)
    {
        Line();
        Line($"Results over {options.Rounds} counted rounds ({options.Rounds * options.Batch} orders per stack, warm-up excluded)");
        Line("                           OFF           ON    ON/OFF");
        Line($"priced orders     {Fraction(off),12} {Fraction(on),12}");
        Line(string.Create(CultureInfo.InvariantCulture, $"throughput        {off.OrdersPerSecond,10:0.00}/s {on.OrdersPerSecond,10:0.00}/s {Ratio(on.OrdersPerSecond, off.OrdersPerSecond),9}"));
        Line($"p50 latency       {Latency(off.P50),12} {Latency(on.P50),12} {LatencyRatio(on.P50, off.P50),9}");
        Line($"p99 latency       {Latency(off.P99),12} {Latency(on.P99),12} {LatencyRatio(on.P99, off.P99),9}");
        var ordersRun = (options.Rounds + options.WarmUpRounds) * options.Batch;
        Line($"per-round ON/OFF throughput: median {RoundRatios(off, on)}");
        Line($"spans stored      {Spans(offSpans),12} {Spans(onSpans),12}    (by each stack's dashboard, all {ordersRun} orders incl. warm-up, plus background work)");
        if (onSpans.Count is { } onCount)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"                  ON: about {(double)onCount / ordersRun:0} spans per order"));
        }

        PrintFailures(off);
        PrintFailures(on);
    }

    public void PrintFooter()
    {
        Line();
        Line($"Load average at end: {MachineInfo.LoadAverage}");
    }

    private async Task PrintServiceEnvironmentAsync(StackInstance stack)
    {
        var settings = new Dictionary<string, IReadOnlyDictionary<string, string>?>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            settings[service] = await stack.ProcessIdOfAsync(service) is { } processId ? ServiceEnvironment.TelemetrySettings(processId) : null;
        }

        if (settings["shop-api"] is not { } shop)
        {
            Line("    shop-api is not running: its environment could not be read");
            return;
        }

        Line($"    shop-api environment: {string.Join(' ', shop.Select(v => $"{v.Key}={v.Value}"))}");
        foreach (var (service, environment) in settings.Where(s => s.Key != "shop-api"))
        {
            var differences = environment is null
                ? ["not running"]
                : shop.Keys.Union(environment.Keys)
                    .Where(name => !ServiceEnvironment.PerServiceVariables.Contains(name))
                    .Where(name => shop.GetValueOrDefault(name) != environment.GetValueOrDefault(name))
                    .Select(name => $"{name}={environment.GetValueOrDefault(name) ?? "(unset)"}")
                    .ToList();
            Line($"    {service}: {(differences.Count == 0 ? "the same (except OTEL_SERVICE_NAME and service.instance.id)" : string.Join(' ', differences))}");
        }
    }

    private void PrintFailures(StackResults results)
    {
        var failures = results.Failures.ToList();
        if (failures.Count == 0)
        {
            return;
        }

        Line($"FAILED orders on the tracing {results.Mode.Name} stack: {failures.Count} (counted neither in throughput nor in latency)");
        foreach (var group in failures.GroupBy(f => f.Failure).OrderByDescending(g => g.Count()).Take(10))
        {
            Line($"  {group.Count()} x {group.Key}");
        }
    }

    private static string BatchColumns(BatchResult batch)
    {
        var latencies = batch.Latencies.Order().ToList();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{batch.Priced,6}/{batch.Outcomes.Count,-3} {batch.OrdersPerSecond,9:0.00} {Millis(Percentile.Of(latencies, 50)),8} {Millis(Percentile.Of(latencies, 99)),8}");
    }

    /// <summary>The spread of the ratio from round to round: how much of a difference the noise alone makes.</summary>
    private static string RoundRatios(StackResults off, StackResults on)
    {
        var ratios = off.Batches.Zip(on.Batches, (o, n) => o.OrdersPerSecond > 0 ? n.OrdersPerSecond / o.OrdersPerSecond : double.NaN)
            .Where(r => !double.IsNaN(r))
            .Order()
            .ToList();
        if (ratios.Count == 0)
        {
            return "n/a";
        }

        var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{median:0.00}, range {ratios[0]:0.00} to {ratios[^1]:0.00} over {ratios.Count} rounds");
    }

    private static string Fraction(StackResults results) => $"{results.Priced}/{results.Orders}";

    private static string Spans((long? Count, string? Problem) spans) =>
        spans.Count is { } count
            ? count.ToString("N0", CultureInfo.InvariantCulture) + (spans.Problem is null ? string.Empty : "?")
            : "n/a: " + spans.Problem;

    private static string Latency(TimeSpan? latency) => latency is { } value ? Millis(value) + " ms" : "n/a";

    private static string Millis(TimeSpan? latency) =>
        latency is { } value ? value.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    private static string LatencyRatio(TimeSpan? on, TimeSpan? off) =>
        on is { } onValue && off is { } offValue ? Ratio(onValue.TotalMilliseconds, offValue.TotalMilliseconds) : "n/a";

    private static string Ratio(double on, double off) =>
        off > 0 && !double.IsNaN(on) ? (on / off).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static string Milliseconds(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private void Line(string text = "") => output.WriteLine(text);
}
