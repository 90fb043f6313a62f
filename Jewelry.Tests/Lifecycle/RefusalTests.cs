using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jewelry.Manufacturing.Geometry;
using Jewelry.Manufacturing.Samples;
using Jewelry.ShopData.Dtos;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>Bad input gets a problem-details answer with the right status code, and changes nothing.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class RefusalTests(StackFixture stack)
{
    private readonly OrderJourneyDriver _orders = new(stack);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("approve")]
    [InlineData("close")]
    public async Task A_transition_not_allowed_from_the_current_status_is_409_naming_it(string action)
    {
        var order = await StoredNewOrderAsync();

        using var response = await _orders.CrmAsync(order.Id, action);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "INITIATED");
        await AssertUnchangedAsync(order);
    }

    [Fact]
    public async Task Submitting_without_a_model_is_409()
    {
        var order = await StoredNewOrderAsync();

        using var response = await _orders.SubmitAsync(order.Id);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "INITIATED");
        await AssertUnchangedAsync(order);
    }

    [Fact]
    public async Task A_file_that_is_not_stl_is_415()
    {
        var order = await StoredNewOrderAsync();

        using var response = await _orders.UploadAsync(order.Id, [0x89, .. "PNG\r\n\u001a\n"u8.ToArray(), .. new byte[300]], "photo.png");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "STL");
        await AssertUnchangedAsync(order);
    }

    [Fact]
    public async Task An_stl_that_encloses_no_volume_is_422_with_the_reason()
    {
        var order = await StoredNewOrderAsync();
        var flat = StlWriter.WriteBinary(new Mesh([new Triangle(new(0, 0, 0), new(5, 0, 0), new(0, 5, 0))]));

        using var response = await _orders.UploadAsync(order.Id, flat);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "no volume");
        await AssertUnchangedAsync(order);
    }

    [Fact]
    public async Task A_model_over_the_size_limit_is_413()
    {
        var order = await StoredNewOrderAsync();
        var tooLarge = StlWriter.WriteBinary(MeshFactory.Ring(8, 10, 2, 4096 * 4)); // 8 facets a segment: about 6.5 MB

        using var response = await _orders.UploadAsync(order.Id, tooLarge);

        Assert.True(tooLarge.Length > StackFixture.MaxModelBytes);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, null);
        await AssertUnchangedAsync(order);
    }

    [Fact]
    public async Task A_malformed_body_is_400_with_a_useful_detail()
    {
        using var content = new StringContent("{\"customerId\": \"c-1\", \"material\": ", Encoding.UTF8, "application/json");

        using var response = await stack.Shop.PostAsync("/api/orders", content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, null);
    }

    [Fact]
    public async Task An_invalid_order_is_400_naming_each_field()
    {
        using var response = await stack.Shop.PostAsJsonAsync("/api/orders", new { customerId = "anna@example.com", productType = "crown", material = "bronze" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("customerId", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("productType", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("material", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_order_ids_are_404_in_every_api()
    {
        var unknown = Guid.NewGuid();

        using var shop = await stack.Shop.GetAsync($"/api/orders/{unknown}", Ct);
        using var crm = await _orders.CrmAsync(unknown, "approve");
        using var mes = await _orders.MesAsync(unknown, "start");

        await AssertProblemAsync(shop, HttpStatusCode.NotFound, null);
        await AssertProblemAsync(crm, HttpStatusCode.NotFound, null);
        await AssertProblemAsync(mes, HttpStatusCode.NotFound, null);
    }

    /// <summary>A new order as the database holds it (timestamps at the database's precision).</summary>
    private async Task<OrderResponse> StoredNewOrderAsync() => await _orders.GetAsync((await _orders.CreateAsync()).Id);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? detailContains)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task AssertUnchangedAsync(OrderResponse before)
    {
        var after = await _orders.GetAsync(before.Id);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(before.Model, after.Model);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }
}
