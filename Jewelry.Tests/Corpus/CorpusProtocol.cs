namespace Jewelry.Tests.Corpus;

/// <summary>The shape a refusal takes on the wire.</summary>
internal enum CorpusProtocol
{
    /// <summary>RFC 9457 problem details (application/problem+json) with a non-empty <c>detail</c>.</summary>
    ProblemDetails,

    /// <summary>OTLP/HTTP: the specification's <c>google.rpc.Status</c> body (protobuf or JSON), not problem details.</summary>
    OtlpHttp,

    /// <summary>OTLP/gRPC: HTTP/2 200 with a <c>grpc-status</c> trailer that names the client's mistake.</summary>
    OtlpGrpc,

    /// <summary>OAuth 2.0's token endpoint: RFC 6749 section 5.2's JSON error (<c>error</c>, <c>error_description</c>).</summary>
    OAuthError,
}
