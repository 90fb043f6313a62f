using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>Outgoing HTTP spans are named by method and a template of the path, never by an id in it.</summary>
[Trait("Category", "Unit")]
public sealed class HttpClientSpanNamesTests
{
    [Theory]
    [InlineData("/api/orders/0195f3a2-7c1e-7b44-9a51-3f8e2d6c1b09/price-requests", "/api/orders/{id}/price-requests")]
    [InlineData("/models/orders/0195f3a2-7c1e-7b44-9a51-3f8e2d6c1b09/model.stl", "/models/orders/{id}/model.stl")]
    [InlineData("/api/production-orders/42/start", "/api/production-orders/{id}/start")]
    [InlineData("/api/customers/ann@example.com", "/api/customers/{id}")]
    [InlineData("/v1/traces", "/{id}/traces")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    public void Ids_numbers_and_anything_with_digits_or_at_signs_become_a_placeholder(string path, string template)
        => Assert.Equal(template, HttpClientSpanNames.Template(path));

    [Fact]
    public void The_span_is_renamed_and_carries_the_template()
    {
        using var activity = new System.Diagnostics.Activity("POST");
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:5152/api/orders/0195f3a2-7c1e-7b44-9a51-3f8e2d6c1b09/approve?token=secret");

        HttpClientSpanNames.Enrich(activity, request);

        Assert.Equal("POST /api/orders/{id}/approve", activity.DisplayName);
        Assert.Equal("/api/orders/{id}/approve", activity.GetTagItem("url.template"));
    }
}
