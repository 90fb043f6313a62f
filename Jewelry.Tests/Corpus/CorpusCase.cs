namespace Jewelry.Tests.Corpus;

/// <summary>One malformed request: which operation it aims at, what is wrong with it, what it must get back, and how to build it.</summary>
/// <param name="Target">The operation, as <c>METHOD route</c>.</param>
/// <param name="Problem">What is wrong with the request.</param>
/// <param name="Expectation">What it must get back.</param>
/// <param name="Build">Builds a fresh request each time it is sent.</param>
/// <param name="Anonymous">Sent without the service's credentials (no session cookie, no Authorization header).</param>
/// <param name="Protocol">How a refusal is written: problem details, or the OTLP status of OTLP/HTTP and OTLP/gRPC.</param>
internal sealed record CorpusCase(
    string Target,
    string Problem,
    CorpusExpectation Expectation,
    Func<HttpRequestMessage> Build,
    bool Anonymous = false,
    CorpusProtocol Protocol = CorpusProtocol.ProblemDetails)
{
    public string Id => $"{Target} :: {Problem}";
}
