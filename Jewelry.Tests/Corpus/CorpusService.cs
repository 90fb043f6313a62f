namespace Jewelry.Tests.Corpus;

/// <summary>
/// A service under the corpus: where it answers, the values of path parameters that name something that exists
/// (so the body and the query are read, not refused for the id), and how its callers authenticate.
/// </summary>
internal sealed record CorpusService(
    string Name,
    IReadOnlyDictionary<string, string> KnownValues,
    Func<ApiOperation, bool> RequiresCredentials,
    Action<HttpRequestMessage> AddCredentials,
    long MaxFileBytes);
