using System.Text;

namespace Jewelry.Tests.Corpus;

/// <summary>Sends a corpus one request at a time and keeps what each answer did wrong.</summary>
internal sealed class CorpusRun(HttpClient client, HttpClient anonymous)
{
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
            using var request = corpusCase.Build();
            try
            {
                using var response = await (corpusCase.Anonymous ? anonymous : client).SendAsync(request, ct);
                var answer = await CorpusAnswer.ReadAsync(response, ct);
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
