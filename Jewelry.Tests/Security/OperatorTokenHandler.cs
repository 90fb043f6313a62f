using System.Net.Http.Headers;
using Jewelry.Contracts.Orders;

namespace Jewelry.Tests.Security;

/// <summary>
/// Signs a test's calls to the CRM and the MES in as <see cref="TestOperators.Operator"/>, as the operators' tools do:
/// a request that has its own <c>Authorization</c> keeps it, and the MES's seller routes get none (their tests choose
/// the seller's credentials, or none).
/// </summary>
public sealed class OperatorTokenHandler(OperatorTokens tokens) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : request.RequestUri?.OriginalString ?? "";
        if (request.Headers.Authorization is null && !path.StartsWith(SellerApi.Prefix, StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.OfAsync(TestOperators.Operator));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>A client of <paramref name="resource"/> whose calls carry the operator's token.</summary>
    public static HttpClient CreateClient(DistributedApplication app, string resource, OperatorTokens tokens) =>
        new(new OperatorTokenHandler(tokens)) { BaseAddress = app.GetEndpoint(resource) };
}
