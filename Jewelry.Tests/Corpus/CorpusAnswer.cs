
namespace Jewelry.Tests.Corpus;

/// <summary>What a service answered to one case: status, media type, body text, the challenge and the gRPC status if any.</summary>
internal sealed record CorpusAnswer(int Status, string? MediaType, string Body, bool HasChallenge, string? GrpcStatus, string? GrpcMessage)
{
    public string Excerpt => Body.Length <= 200 ? Body : Body[..200] + "…";

    public static async Task<CorpusAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new CorpusAnswer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            body,
            response.Headers.WwwAuthenticate.Count > 0,
            Grpc(response, "grpc-status"),
            Grpc(response, "grpc-message") is { } message ? Uri.UnescapeDataString(message) : null);
    }

    private static string? Grpc(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
