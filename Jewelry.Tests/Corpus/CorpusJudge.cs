using System.Text.Json;

namespace Jewelry.Tests.Corpus;

/// <summary>Whether an answer is what a malformed request deserves; null when it is, else what is wrong with it.</summary>
internal static class CorpusJudge
{
    /// <summary>gRPC codes that name the caller's mistake; UNKNOWN, INTERNAL, UNAVAILABLE and DATA_LOSS are the server's.</summary>
    private static readonly HashSet<string> s_grpcClientErrors =
    [
        "3",  // INVALID_ARGUMENT
        "7",  // PERMISSION_DENIED
        "8",  // RESOURCE_EXHAUSTED (too large)
        "9",  // FAILED_PRECONDITION
        "11", // OUT_OF_RANGE
        "12", // UNIMPLEMENTED (an encoding or method the server does not have)
        "16", // UNAUTHENTICATED
    ];

    /// <summary>RFC 6749 section 5.2: the error codes of a token endpoint.</summary>
    private static readonly HashSet<string> s_oauthErrors =
        ["invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope"];

    private const string GrpcInternal = "13";
    private const string IncompleteMessage = "Incomplete message.";

    public static string? Offense(CorpusCase corpusCase, CorpusAnswer answer)
    {
        if (answer.Status >= 500)
        {
            return $"answered {answer.Status}: {answer.Excerpt}";
        }

        if (corpusCase.Protocol == CorpusProtocol.OtlpGrpc)
        {
            return GrpcOffense(answer);
        }

        if (corpusCase.Protocol == CorpusProtocol.OAuthError)
        {
            return OAuthOffense(answer);
        }

        switch (corpusCase.Expectation)
        {
            case CorpusExpectation.NotFound when answer.Status != 404:
                return $"answered {answer.Status} where 404 was due: {answer.Excerpt}";
            case CorpusExpectation.ClientError when answer.Status < 400:
                return $"accepted with {answer.Status}: {answer.Excerpt}";
            case CorpusExpectation.NoServerError when answer.Status < 400:
                return null;
        }

        return corpusCase.Protocol == CorpusProtocol.OtlpHttp ? OtlpHttpOffense(answer) : ProblemDetailsOffense(answer);
    }

    private static string? ProblemDetailsOffense(CorpusAnswer answer)
    {
        // An authentication scheme's challenge: WWW-Authenticate says what to send, and the handler writes no body.
        if (answer.Status == 401 && answer.HasChallenge && answer.Body.Length == 0)
        {
            return null;
        }

        if (!string.Equals(answer.MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return $"answered {answer.Status} without problem details (Content-Type {answer.MediaType ?? "none"}): {answer.Excerpt}";
        }

        try
        {
            using var problem = JsonDocument.Parse(answer.Body);
            return problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(detail.GetString())
                ? null
                : $"answered {answer.Status} with problem details without a detail: {answer.Excerpt}";
        }
        catch (JsonException)
        {
            return $"answered {answer.Status} with problem details that are not JSON: {answer.Excerpt}";
        }
    }

    /// <summary>OTLP/HTTP answers a refusal with a Status message, not problem details; only the API key refusal has no body.</summary>
    private static string? OtlpHttpOffense(CorpusAnswer answer) =>
        answer.Status == 401 || answer.Body.Length > 0 ? null : $"answered {answer.Status} with no body saying why";

    /// <summary>A 400 (401 for a client that failed to authenticate) with a JSON body naming a section 5.2 error and saying why.</summary>
    private static string? OAuthOffense(CorpusAnswer answer)
    {
        if (answer.Status is not (400 or 401))
        {
            return $"answered {answer.Status} where RFC 6749 has 400 or 401: {answer.Excerpt}";
        }

        if (!string.Equals(answer.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"answered {answer.Status} with Content-Type {answer.MediaType ?? "none"}, not application/json: {answer.Excerpt}";
        }

        try
        {
            using var error = JsonDocument.Parse(answer.Body);
            var root = error.RootElement;
            var code = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (code is null || !s_oauthErrors.Contains(code))
            {
                return $"answered {answer.Status} with an error code RFC 6749 does not define: {answer.Excerpt}";
            }

            return root.TryGetProperty("error_description", out var description) && description.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(description.GetString())
                ? null
                : $"answered {code} without an error_description: {answer.Excerpt}";
        }
        catch (JsonException)
        {
            return $"answered {answer.Status} with a body that is not JSON: {answer.Excerpt}";
        }
    }

    private static string? GrpcOffense(CorpusAnswer answer)
    {
        // Refused before gRPC starts: 401 for the API key, 415 for what is not a gRPC request.
        if (answer.Status is >= 400 and < 500)
        {
            return null;
        }

        return answer.GrpcStatus switch
        {
            null => $"answered HTTP {answer.Status} without a grpc-status",
            "0" => "accepted with grpc-status 0 (OK)",

            // A stream that ends inside a length-prefixed message breaks gRPC's framing, below any method: Grpc.AspNetCore
            // answers it before the dashboard's code runs, with INTERNAL as the gRPC status code table has for protocol violations.
            GrpcInternal when answer.GrpcMessage == IncompleteMessage => null,
            var code when !s_grpcClientErrors.Contains(code) => $"answered grpc-status {code} (a server fault): {answer.GrpcMessage}",
            _ when string.IsNullOrWhiteSpace(answer.GrpcMessage) => $"answered grpc-status {answer.GrpcStatus} without a grpc-message",
            _ => null,
        };
    }
}
