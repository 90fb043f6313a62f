using System.Net;

namespace Jewelry.Tests.Dashboard;

/// <summary>What a unary gRPC call answered: the HTTP status, the grpc-status trailer and the response message bytes.</summary>
internal sealed record GrpcResult(HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, byte[] Message);
