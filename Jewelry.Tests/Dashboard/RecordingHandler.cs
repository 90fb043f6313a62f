using System.Collections.Concurrent;

namespace Jewelry.Tests.Dashboard;

/// <summary>Passes requests on and keeps what went on the wire: the <c>grpc-encoding</c> header and the first body byte.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(string? GrpcEncoding, byte FirstByte)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var encoding = request.Headers.TryGetValues("grpc-encoding", out var values) ? values.Single() : null;
        Requests.Enqueue((encoding, body.FirstOrDefault()));
        return await base.SendAsync(request, cancellationToken);
    }
}
