using System.Text;
using Jewelry.MesApi.Sellers;

namespace Jewelry.Tests.Mes;

[Trait("Category", "Unit")]
public sealed class BasicCredentialsTests
{
    private static string Header(string userAndPassword, string scheme = "Basic")
        => $"{scheme} {Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword))}";

    [Fact]
    public void Reads_the_client_id_and_secret()
    {
        Assert.True(BasicCredentials.TryParse(Header("demo-seller:s3cret"), out var credentials));
        Assert.Equal("demo-seller", credentials.ClientId);
        Assert.Equal("s3cret", credentials.Secret);
    }

    [Fact]
    public void The_secret_may_contain_colons_and_the_scheme_any_case()
    {
        Assert.True(BasicCredentials.TryParse(Header("demo-seller:a:b:c", "basic"), out var credentials));
        Assert.Equal("a:b:c", credentials.Secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Bearer ZGVtbzpzZWNyZXQ=")]
    public void Anything_but_basic_credentials_is_refused(string? header)
        => Assert.False(BasicCredentials.TryParse(header, out _));

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":secret-without-id")]
    [InlineData("id-without-secret:")]
    public void Both_parts_are_required(string userAndPassword)
        => Assert.False(BasicCredentials.TryParse(Header(userAndPassword), out _));

    [Fact]
    public void Oversized_headers_are_not_decoded()
        => Assert.False(BasicCredentials.TryParse(Header("demo-seller:" + new string('x', 2000)), out _));

    [Fact]
    public void Its_text_never_shows_the_secret()
        => Assert.DoesNotContain("s3cret", new BasicCredentials("demo-seller", "s3cret").ToString(), StringComparison.Ordinal);
}
