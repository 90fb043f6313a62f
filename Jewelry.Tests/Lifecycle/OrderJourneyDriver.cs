using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jewelry.ShopData.Dtos;
using Jewelry.Tests.Hosting;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>Drives orders through the real Shop, CRM and MES APIs the way their users do.</summary>
internal sealed class OrderJourneyDriver(IJewelryApis stack)
{
    public static readonly TimeSpan MessageHop = TimeSpan.FromSeconds(45);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewCustomerId() => $"c-{Guid.NewGuid():N}"[..24];

    public async Task<OrderResponse> CreateAsync(string? customerId = null, string material = "gold-585", string productType = "ring", string? notes = null)
    {
        using var response = await stack.Shop.PostAsJsonAsync(
            "/api/orders",
            new { customerId = customerId ?? NewCustomerId(), productType, material, size = "17", notes },
            Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;
    }

    public async Task<HttpResponseMessage> UploadAsync(Guid orderId, byte[] model, string fileName = "model.stl")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(model);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await stack.Shop.PutAsync($"/api/orders/{orderId}/model", form, Ct);
    }

    public async Task<HttpResponseMessage> SubmitAsync(Guid orderId) =>
        await stack.Shop.PostAsync($"/api/orders/{orderId}/submit", content: null, Ct);

    public async Task<OrderResponse> GetAsync(Guid orderId) =>
        (await stack.Shop.GetFromJsonAsync<OrderResponse>($"/api/orders/{orderId}", Ct))!;

    public async Task<HttpResponseMessage> CrmAsync(Guid orderId, string action) =>
        await stack.Crm.PostAsync($"/api/orders/{orderId}/{action}", content: null, Ct);

    public async Task<HttpResponseMessage> MesAsync(Guid orderId, string action, object? body = null) =>
        await stack.Mes.PostAsJsonAsync($"/api/production-orders/{orderId}/{action}", body ?? new { }, Ct);

    public async Task<OrderResponse> WaitForAsync(Guid orderId, Func<OrderResponse, bool> condition, string description, TimeSpan? timeout = null)
    {
        OrderResponse? last = null;
        await Eventually.WaitUntilAsync(
            async () => condition(last = await GetAsync(orderId)),
            timeout ?? MessageHop,
            $"order {orderId} {description} (last seen {last?.Status}, failure {last?.FailureReason ?? "none"})");
        return last!;
    }

    public Task<OrderResponse> WaitForStatusAsync(Guid orderId, string status, TimeSpan? timeout = null) =>
        WaitForAsync(orderId, order => order.Status == status, $"reaches {status}", timeout);

    /// <summary>Creates an order, uploads <paramref name="model"/> and submits it.</summary>
    public async Task<OrderResponse> SubmittedOrderAsync(byte[] model, string material = "gold-585")
    {
        var order = await CreateAsync(material: material);
        using (var upload = await UploadAsync(order.Id, model))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using (var submit = await SubmitAsync(order.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        }

        return order;
    }

    /// <summary>Takes a priced order through approval, production, shipping and closing, waiting for each status.</summary>
    public async Task CompleteAsync(Guid orderId)
    {
        await WaitForStatusAsync(orderId, "PRICE_CALCULATED");
        using (var approve = await CrmAsync(orderId, "approve"))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await WaitForStatusAsync(orderId, "MANUFACTURING_APPROVED");

        // MES learns of the approval over RabbitMQ; its production order appears when the message is processed.
        await Eventually.WaitUntilAsync(
            async () => (await stack.Mes.GetAsync($"/api/production-orders/{orderId}", Ct)).StatusCode == HttpStatusCode.OK,
            MessageHop,
            $"MES has the production order of {orderId}");
        foreach (var (action, status) in new[] { ("start", "MANUFACTURING_STARTED"), ("complete", "MANUFACTURING_COMPLETED"), ("package", "PACKAGING"), ("ship", "SHIPPED") })
        {
            using (var step = await MesAsync(orderId, action, action == "ship" ? new { trackingNumber = "TRK-" + orderId.ToString("N")[..8] } : null))
            {
                Assert.Equal(HttpStatusCode.OK, step.StatusCode);
            }

            await WaitForStatusAsync(orderId, status);
        }

        using (var close = await CrmAsync(orderId, "close"))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }
    }
}
