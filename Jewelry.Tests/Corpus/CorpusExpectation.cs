namespace Jewelry.Tests.Corpus;

/// <summary>What a malformed request must get back.</summary>
internal enum CorpusExpectation
{
    /// <summary>A 4xx: the request is the client's mistake.</summary>
    ClientError,

    /// <summary>404: the request names a resource that does not exist, in the right form.</summary>
    NotFound,

    /// <summary>
    /// Anything but a server error: a safe request whose odd part a server may rightly ignore (a malformed
    /// <c>traceparent</c> is to be dropped, not refused) or a list that is rightly empty.
    /// </summary>
    NoServerError,
}
