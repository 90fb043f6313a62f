using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Jewelry.Chaos.Load;

/// <summary>Clients of the running stack's Shop, CRM and MES (the last two as the demo operator), as a customer and an operator use them.</summary>
public sealed class StackClients : IDisposable
{
    private readonly OperatorTokenSource _tokens;

    private StackClients(HttpClient shop, HttpClient crm, HttpClient mes, HttpClient identity, OperatorTokenSource tokens)
    {
        _tokens = tokens;
        Shop = shop;
        Crm = crm;
        Mes = mes;
        Identity = identity;
    }

    public HttpClient Shop { get; }

    public HttpClient Crm { get; }

    public HttpClient Mes { get; }

    public HttpClient Identity { get; }

    public static StackClients Create(DistributedApplication app, TimeSpan requestTimeout)
    {
        var identity = app.CreateHttpClient("identity");
        identity.Timeout = requestTimeout;
        var tokens = new OperatorTokenSource(identity, OperatorTokenSource.DemoOperator, OperatorTokenSource.DemoOperatorPassword);
        var shop = app.CreateHttpClient("shop-api");
        shop.Timeout = requestTimeout;
        return new StackClients(shop, Operator(app, "crm-api", tokens, requestTimeout), Operator(app, "mes-api", tokens, requestTimeout), identity, tokens);
    }

    public void Dispose()
    {
        Shop.Dispose();
        Crm.Dispose();
        Mes.Dispose();
        Identity.Dispose();
        _tokens.Dispose();
    }

    private static HttpClient Operator(DistributedApplication app, string resource, OperatorTokenSource tokens, TimeSpan timeout) =>
        new(new OperatorTokenHandler(tokens)) { BaseAddress = app.GetEndpoint(resource), Timeout = timeout };
}
