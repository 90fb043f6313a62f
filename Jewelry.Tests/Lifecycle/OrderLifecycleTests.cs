using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jewelry.Contracts.Orders;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class OrderLifecycleTests(StackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    [Fact]
    public async Task An_order_goes_from_initiated_to_closed_through_every_status_priced_from_its_geometry()
    {
        // A 10 mm cube: exactly 1000 mm³ (1 cm³) and 600 mm² of surface, as 16 facets.
        var cube = StlWriter.WriteBinary(MeshFactory.Box(10, 10, 10));
        var order = await _orders.SubmittedOrderAsync(cube, material: "gold-585");

        var priced = await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");

        // 1 cm³ of 585 gold is 13.6 g at 6500 RUB a gram = 88400; labour 1500 + 40 × 6 cm² + 25 × 16/1000 facets = 1740.40.
        Assert.Equal(90140.40m, priced.Price);
        Assert.Equal("RUB", priced.Currency);
        var calculation = await stack.Mes.GetFromJsonAsync<JsonElement>($"/api/price-calculations/{order.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(1000, calculation.GetProperty("geometry").GetProperty("volumeMm3").GetDouble(), 1e-6);
        Assert.Equal(13.6, calculation.GetProperty("metalMassGrams").GetDouble(), 1e-9);

        Assert.Equal(HttpStatusCode.OK, (await _orders.CrmAsync(order.Id, "approve")).StatusCode);
        await _orders.WaitForStatusAsync(order.Id, "MANUFACTURING_APPROVED");

        // MES learns of the approval over RabbitMQ; its production order appears when the message is processed.
        await Eventually(async () => (await stack.Mes.GetAsync($"/api/production-orders/{order.Id}", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK, "MES has the production order");
        foreach (var (action, status) in new[] { ("start", "MANUFACTURING_STARTED"), ("complete", "MANUFACTURING_COMPLETED"), ("package", "PACKAGING") })
        {
            Assert.Equal(HttpStatusCode.OK, (await _orders.MesAsync(order.Id, action)).StatusCode);
            await _orders.WaitForStatusAsync(order.Id, status);
        }

        Assert.Equal(HttpStatusCode.OK, (await _orders.MesAsync(order.Id, "ship", new { trackingNumber = "TRK-0001" })).StatusCode);
        var shipped = await _orders.WaitForStatusAsync(order.Id, "SHIPPED");
        Assert.Equal("TRK-0001", shipped.TrackingNumber);

        Assert.Equal(HttpStatusCode.OK, (await _orders.CrmAsync(order.Id, "close")).StatusCode);
        var closed = await _orders.GetAsync(order.Id);

        Assert.Equal("CLOSED", closed.Status);
        Assert.Equal(Enum.GetValues<OrderStatus>().Select(s => s.ToName()), closed.History.Select(h => h.To));
        Assert.Null(closed.History[0].From);
        Assert.Equal(closed.History.Select(h => h.At).Order(), closed.History.Select(h => h.At));
    }

    [Fact]
    public async Task A_model_that_cannot_be_priced_leaves_the_order_with_the_reason_and_a_new_model_gets_it_priced()
    {
        var order = await _orders.CreateAsync();
        using (await _orders.UploadAsync(order.Id, StlWriter.WriteBinary(MeshFactory.SampleRing())))
        {
        }

        // The stored model is damaged after upload (as if the store lost part of it): MES must say why it cannot price it.
        await ModelStore.OverwriteAsync(stack, order.Id, StlWriter.WriteBinary(new Mesh([new Triangle(new(0, 0, 0), new(1, 0, 0), new(0, 1, 0))])));
        using (var submit = await _orders.SubmitAsync(order.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        }

        var failed = await _orders.WaitForAsync(order.Id, o => o.FailureReason is not null, "shows a failure reason");

        Assert.Equal("SUBMITTED", failed.Status);
        Assert.Contains("encloses no volume", failed.FailureReason, StringComparison.Ordinal);
        Assert.Null(failed.Price);

        // The customer uploads a model that can be made and submits again.
        using (var upload = await _orders.UploadAsync(order.Id, StlWriter.WriteBinary(MeshFactory.SampleRing())))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        Assert.Null((await _orders.GetAsync(order.Id)).FailureReason);
        Assert.Equal(HttpStatusCode.Accepted, (await _orders.SubmitAsync(order.Id)).StatusCode);
        var priced = await _orders.WaitForStatusAsync(order.Id, "PRICE_CALCULATED");
        Assert.NotNull(priced.Price);
        Assert.Equal(["INITIATED", "FILE_UPLOADED", "SUBMITTED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED"], priced.History.Select(h => h.To));
    }

    private static Task Eventually(Func<Task<bool>> condition, string description) =>
        Hosting.Eventually.WaitUntilAsync(condition, OrderJourneyDriver.MessageHop, description);
}
