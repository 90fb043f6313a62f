using Jewelry.Messaging;

namespace Jewelry.Tests.Contracts;

[Trait("Category", "Unit")]
public sealed class W3CBaggageTests
{
    [Fact]
    public void Baggage_round_trips_with_percent_encoding()
    {
        KeyValuePair<string, string?>[] items = [new("order.id", "0193a-b"), new("note", "a,b=c d"), new("skipped", null)];

        var header = W3CBaggage.Format(items);
        var parsed = W3CBaggage.Parse(header).ToList();

        Assert.Equal("order.id=0193a-b,note=a%2Cb%3Dc%20d", header);
        Assert.Equal([new("order.id", "0193a-b"), new("note", "a,b=c d")], parsed);
    }

    [Fact]
    public void Member_properties_are_ignored_and_empty_headers_give_nothing()
    {
        Assert.Equal([new("k", "v")], W3CBaggage.Parse("k=v;prop=1").ToList());
        Assert.Empty(W3CBaggage.Parse(" "));
        Assert.Null(W3CBaggage.Format([]));
    }
}
