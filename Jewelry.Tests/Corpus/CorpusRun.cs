using System.Text;

namespace Jewelry.Tests.Corpus;

/// <summary>Sends a corpus one request at a time and keeps what each answer did wrong.</summary>
internal sealed class CorpusRun(HttpClient client, HttpClient anonymous)
{
    private static readonly TimeSpan s_rateLimitedFor = TimeSpan.FromSeconds(30);

    private readonly List<(CorpusCase Case, string Offense)> _offenses = [];

    public int Count { get; private set; }

    public IReadOnlyList<(CorpusCase Case, string Offense)> Offenses => _offenses;

    public Dictionary<int, int> Statuses { get; } = [];

    public async Task SendAsync(IEnumerable<CorpusCase> cases)
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var corpusCase in cases)
        {
            Count++;
            try
            {
                var answer = await AnswerAsync(corpusCase, ct);
                Statuses[answer.Status] = Statuses.GetValueOrDefault(answer.Status) + 1;
                if (CorpusJudge.Offense(corpusCase, answer) is { } offense)
                {
                    _offenses.Add((corpusCase, offense));
                }
            }
            catch (HttpRequestException exception)
            {
                // The server dropped the connection instead of answering: as much a fault as a 500.
                _offenses.Add((corpusCase, $"no answer: {exception.Message}"));
            }
        }
    }

    /// <summary>
    /// A 429 says nothing of how the request itself is handled, so it is sent again when <c>Retry-After</c> says
    /// (the token endpoint is limited per address, and every case comes from the same one).
    /// </summary>
    private async Task<CorpusAnswer> AnswerAsync(CorpusCase corpusCase, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + s_rateLimitedFor;
        while (true)
        {
            using var request = corpusCase.Build();
            using var response = await (corpusCase.Anonymous ? anonymous : client).SendAsync(request, ct);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait && DateTime.UtcNow + wait < deadline)
            {
                await Task.Delay(wait, ct);
                continue;
            }

            return await CorpusAnswer.ReadAsync(response, ct);
        }
    }

    public string Report(string service)
    {
        var report = new StringBuilder();
        report.AppendLine($"{service}: {Count} cases, {Offenses.Count} offending; answers {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var (corpusCase, offense) in Offenses)
        {
            report.AppendLine($"  {corpusCase.Id}: {offense}");
        }

        return report.ToString();
    }
}
