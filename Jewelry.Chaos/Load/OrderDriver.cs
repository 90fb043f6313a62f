using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Contracts.Orders;

namespace Jewelry.Chaos.Load;

/// <summary>
/// Drives one order through the real APIs as its customer and an operator would, the README's order flow: create,
/// upload the model and submit at the Shop; wait for the MES's price; for an order meant to close, approve at the
/// CRM, move production at the MES, close at the CRM. A step that fails because something is down (connection
/// refused, timeout, 5xx, 401 after the token server restarted) is retried until <see cref="OrderTimeout"/>; a 409
/// is accepted when the order has already moved past the step (the first attempt got through, its answer did not).
/// </summary>
public sealed class OrderDriver(StackClients clients, ReadOnlyMemory<byte> model, TimeSpan orderTimeout)
{
    private static readonly TimeSpan s_retryPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_pollPause = TimeSpan.FromMilliseconds(250);
    private static readonly (string Action, OrderStatus Status)[] s_production =
        [("start", OrderStatus.ManufacturingStarted), ("complete", OrderStatus.ManufacturingCompleted), ("package", OrderStatus.Packaging), ("ship", OrderStatus.Shipped)];

    public TimeSpan OrderTimeout => orderTimeout;

    /// <summary>Every fourth order goes on to CLOSED, the rest stop at PRICE_CALCULATED, as the chaos run asks.</summary>
    public static OrderStatus ExpectedFor(int index) => index % 4 == 0 ? OrderStatus.Closed : OrderStatus.PriceCalculated;

    public async Task<DrivenOrder> RunAsync(int index, CancellationToken cancellationToken)
    {
        var expected = ExpectedFor(index);
        var started = DateTimeOffset.UtcNow;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(orderTimeout);
        var run = new Run(clients, model, deadline.Token);
        try
        {
            await run.DriveAsync(expected);
            return new DrivenOrder(index, run.OrderId, expected.ToName(), started, DateTimeOffset.UtcNow, run.Retries, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DrivenOrder(index, run.OrderId, expected.ToName(), started, DateTimeOffset.UtcNow, run.Retries,
                $"gave up after {orderTimeout.TotalSeconds:0} s in step '{run.Step}' (last: {run.LastProblem ?? "none"})");
        }
        catch (OrderRefusedException refused)
        {
            return new DrivenOrder(index, run.OrderId, expected.ToName(), started, DateTimeOffset.UtcNow, run.Retries, $"step '{run.Step}': {refused.Message}");
        }
    }

    private sealed class Run(StackClients clients, ReadOnlyMemory<byte> model, CancellationToken cancellationToken)
    {
        public Guid? OrderId { get; private set; }

        public string Step { get; private set; } = "create";

        public string? LastProblem { get; private set; }

        public int Retries { get; private set; }

        public async Task DriveAsync(OrderStatus expected)
        {
            OrderId = await CreateAsync();
            var id = OrderId.Value;
            Step = "upload";
            await SendAsync(clients.Shop, () => new HttpRequestMessage(HttpMethod.Put, $"/api/orders/{id}/model") { Content = ModelForm() }, id, OrderStatus.FileUploaded);
            Step = "submit";
            await SendAsync(clients.Shop, () => new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{id}/submit"), id, OrderStatus.Submitted);
            Step = "wait for PRICE_CALCULATED";
            await WaitForStatusAsync(id, OrderStatus.PriceCalculated);
            if (expected == OrderStatus.PriceCalculated)
            {
                return;
            }

            Step = "approve";
            await SendAsync(clients.Crm, () => new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{id}/approve"), id, OrderStatus.ManufacturingApproved);
            Step = "wait for the MES's production order";
            await UntilAsync(async () =>
            {
                using var response = await clients.Mes.GetAsync($"/api/production-orders/{id}", cancellationToken);
                return response.StatusCode == HttpStatusCode.OK ? true : Problem($"GET production order {(int)response.StatusCode}");
            });
            foreach (var (action, status) in s_production)
            {
                Step = action;
                await SendAsync(clients.Mes, () => new HttpRequestMessage(HttpMethod.Post, $"/api/production-orders/{id}/{action}")
                {
                    Content = JsonContent.Create(action == "ship" ? new { trackingNumber = $"TRK-{id:N}"[..12] } : new object()),
                }, id, status);
                Step = $"wait for {status.ToName()}";
                await WaitForStatusAsync(id, status);
            }

            Step = "close";
            await SendAsync(clients.Crm, () => new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{id}/close"), id, OrderStatus.Closed);
        }

        private async Task<Guid> CreateAsync()
        {
            var customerId = $"chaos-{Guid.NewGuid():N}"[..22];
            Guid? created = null;
            await UntilAsync(async () =>
            {
                using var response = await clients.Shop.PostAsJsonAsync("/api/orders", new { customerId, productType = "ring", material = "gold-585", size = "17" }, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created = (await ReadAsync(response)).Id;
                    return true;
                }

                return await RetryableAsync(response);
            });
            return created!.Value;
        }

        /// <summary>Sends until it succeeds; a 409 counts when the order already is at <paramref name="reached"/> or beyond.</summary>
        private Task SendAsync(HttpClient client, Func<HttpRequestMessage> request, Guid id, OrderStatus reached) =>
            UntilAsync(async () =>
            {
                using var message = request();
                using var response = await client.SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                if (response.StatusCode == HttpStatusCode.Conflict && await StatusAsync(id) is { } now && now >= reached)
                {
                    return true;
                }

                return await RetryableAsync(response);
            });

        private Task WaitForStatusAsync(Guid id, OrderStatus status) =>
            UntilAsync(async () =>
            {
                using var response = await clients.Shop.GetAsync($"/api/orders/{id}", cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return await RetryableAsync(response);
                }

                var order = await ReadAsync(response);
                return OrderStatusNames.TryParse(order.Status, out var now) && now >= status
                    ? true
                    : Problem($"status {order.Status}{(order.FailureReason is { } reason ? $", failure: {reason}" : "")}", poll: true);
            });

        private async Task<OrderStatus?> StatusAsync(Guid id)
        {
            try
            {
                using var response = await clients.Shop.GetAsync($"/api/orders/{id}", cancellationToken);
                return response.IsSuccessStatusCode && OrderStatusNames.TryParse((await ReadAsync(response)).Status, out var status) ? status : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }

        /// <summary>Runs <paramref name="attempt"/> until it returns true; false or a transport failure means try again.</summary>
        private async Task UntilAsync(Func<Task<bool>> attempt)
        {
            while (true)
            {
                try
                {
                    if (await attempt())
                    {
                        return;
                    }
                }
                catch (HttpRequestException exception)
                {
                    Problem($"{exception.HttpRequestError}: {exception.Message}");
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Problem("request timed out");
                }

                await Task.Delay(_poll ? s_pollPause : s_retryPause, cancellationToken);
                _poll = false;
            }
        }

        private bool _poll;

        private bool Problem(string problem, bool poll = false)
        {
            LastProblem = problem;
            _poll = poll;
            if (!poll)
            {
                Retries++;
            }

            return false;
        }

        /// <summary>5xx, 401 (a token from before the token server restarted), 429: retry. Any other refusal ends the order.</summary>
        private async Task<bool> RetryableAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = (int)response.StatusCode;
            if (code >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests)
            {
                return Problem($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} {code}: {Shorten(body)}");
            }

            throw new OrderRefusedException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} {code}: {Shorten(body)}");
        }

        private MultipartFormDataContent ModelForm()
        {
            var form = new MultipartFormDataContent();
            var file = new ReadOnlyMemoryContent(model);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "ring.stl");
            return form;
        }

        private async Task<OrderView> ReadAsync(HttpResponseMessage response) =>
            await response.Content.ReadFromJsonAsync<OrderView>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new OrderRefusedException("the response held no order");

        private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
    }

    private sealed record OrderView(Guid Id, string Status, string? FailureReason);
}
