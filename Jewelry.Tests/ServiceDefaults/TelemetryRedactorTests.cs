using Jewelry.ServiceDefaults.Telemetry;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class TelemetryRedactorTests
{
    [Theory]
    [InlineData("customer.email")]
    [InlineData("user.full_name")]
    [InlineData("customer.name")]
    [InlineData("http.request.header.authorization")]
    [InlineData("http.request.header.cookie")]
    [InlineData("db.password")]
    [InlineData("order.notes")]
    [InlineData("client_secret")]
    [InlineData("phone")]
    [InlineData("last_name")]
    public void Keys_naming_personal_data_or_secrets_are_dropped(string key)
    {
        Assert.True(TelemetryRedactor.IsSensitiveKey(key));
    }

    [Theory]
    [InlineData("service.name")]
    [InlineData("messaging.destination.name")]
    [InlineData("db.collection.name")]
    [InlineData("order.id")]
    [InlineData("user.id")]
    [InlineData("http.route")]
    [InlineData("server.address")]
    [InlineData("seller.client_id")]
    [InlineData("rpc.method")]
    public void Ordinary_keys_stay(string key)
    {
        Assert.False(TelemetryRedactor.IsSensitiveKey(key));
    }

    [Theory]
    [InlineData("contact anna.petrova@example.ru please", "contact [redacted] please")]
    [InlineData("call +7 912 345-67-89 after 6", "call [redacted] after 6")]
    [InlineData("office (495) 123-45-67", "office [redacted]")]
    [InlineData("card 4111 1111 1111 1111 ok", "card [redacted] ok")]
    [InlineData("Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig", "Authorization: Bearer [redacted]")]
    [InlineData("Basic ZGVtby1zZWxsZXI6c2VjcmV0", "Basic [redacted]")]
    public void Personal_values_are_masked(string value, string expected)
    {
        Assert.Equal(expected, TelemetryRedactor.MaskValue(value));
    }

    [Theory]
    [InlineData("0193a5f2-7c1e-7b3a-9d4e-2f6a8b9c0d1e")]
    [InlineData("SELECT o.id FROM orders AS o WHERE o.id = @p0 LIMIT 2")]
    [InlineData("2026-11-21T05:03:02.1234567+00:00")]
    [InlineData("orders/0193a5f2-7c1e-7b3a-9d4e-2f6a8b9c0d1e/model.stl")]
    [InlineData("1234567890123")] // 13 digits that fail the Luhn check: an id, not a card
    [InlineData("PUT /api/orders/{id}/model")]
    public void Ids_queries_and_timestamps_are_left_alone(string value)
    {
        Assert.Equal(value, TelemetryRedactor.MaskValue(value));
    }

    [Fact]
    public void Secret_query_parameters_lose_their_values_and_others_stay()
    {
        var url = "http://127.0.0.1:9000/models/a.stl?X-Amz-Signature=abc123&X-Amz-Expires=300&token=t0k&page=2";

        Assert.Equal(
            "http://127.0.0.1:9000/models/a.stl?X-Amz-Signature=[redacted]&X-Amz-Expires=300&token=[redacted]&page=2",
            TelemetryRedactor.StripSecretQuery(url));
    }

    [Fact]
    public void Full_tracing_mark_is_found_among_other_tracestate_entries()
    {
        Assert.True(FullTracingSampler.IsMarked("congo=t61rcWkgMzE, jewelry=full"));
        Assert.False(FullTracingSampler.IsMarked("jewelry=partial"));
        Assert.False(FullTracingSampler.IsMarked(null));
    }
}
