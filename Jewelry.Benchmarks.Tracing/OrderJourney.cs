using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// One order end to end through the Shop API, as a customer's client drives it: create, upload the model,
/// submit, then poll until the MES's price has come back through the CRM (PRICE_CALCULATED).
/// The latency runs from the first request to the poll that sees the price.
/// </summary>
public sealed class OrderJourney(HttpClient shop, BenchmarkOptions options)
{
    public const string PricedStatus = "PRICE_CALCULATED";

    private static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private string _step = "create";
    private string? _lastStatus;

    public async Task<OrderOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.OrderTimeout);
        try
        {
            var id = await CreateAsync(deadline.Token);
            _step = "upload";
            await UploadAsync(id, deadline.Token);
            _step = "submit";
            await SubmitAsync(id, deadline.Token);
            _step = "wait for " + PricedStatus;
            await WaitUntilPricedAsync(id, deadline.Token);
            return OrderOutcome.Priced(Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OrderOutcome.Failed(Stopwatch.GetElapsedTime(started), $"timeout in step '{_step}' (last status {_lastStatus ?? "none"})");
        }
        catch (Exception exception) when (exception is HttpRequestException or OrderStepException or JsonException)
        {
            return OrderOutcome.Failed(Stopwatch.GetElapsedTime(started), $"step '{_step}': {exception.Message}");
        }
    }

    private async Task<Guid> CreateAsync(CancellationToken cancellationToken)
    {
        var customerId = $"bench-{Guid.NewGuid():N}"[..22];
        using var response = await shop.PostAsJsonAsync(
            "/api/orders",
            new { customerId, productType = "ring", material = "gold-585" },
            cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created, cancellationToken);
        var order = await ReadOrderAsync(response, cancellationToken);
        _lastStatus = order.Status;
        return order.Id;
    }

    private async Task UploadAsync(Guid id, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ReadOnlyMemoryContent(SampleModel.Stl);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", SampleModel.FileName);
        using var response = await shop.PutAsync($"/api/orders/{id}/model", form, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK, cancellationToken);
    }

    private async Task SubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await shop.PostAsync($"/api/orders/{id}/submit", content: null, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted, cancellationToken);
    }

    private async Task WaitUntilPricedAsync(Guid id, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{id}");
            if (!options.TracePolls)
            {
                request.Headers.TryAddWithoutValidation(UnsampledTraceParent.HeaderName, UnsampledTraceParent.New());
            }

            using var response = await shop.SendAsync(request, cancellationToken);
            await ExpectAsync(response, HttpStatusCode.OK, cancellationToken);
            var order = await ReadOrderAsync(response, cancellationToken);
            _lastStatus = order.Status;
            if (order.Status == PricedStatus)
            {
                return;
            }

            if (order.FailureReason is { } reason)
            {
                throw new OrderStepException($"pricing failed in status {order.Status}: {reason}");
            }

            await Task.Delay(options.PollInterval, cancellationToken);
        }
    }

    private static async Task<OrderStatusView> ReadOrderAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<OrderStatusView>(Json, cancellationToken)
        ?? throw new OrderStepException("the response held no order");

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new OrderStepException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} returned {(int)response.StatusCode}, expected {(int)expected}: {Shorten(body)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
