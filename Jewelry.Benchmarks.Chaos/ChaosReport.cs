using System.Globalization;
using System.Text;
using System.Text.Json;
using Jewelry.Chaos.Checking;
using Jewelry.Chaos.Faults;
using Jewelry.Chaos.Load;

namespace Jewelry.Benchmarks.Chaos;

/// <summary>
/// The run in one glance: per fault the orders that were in flight while the resource was down or recovering
/// (started before it was healthy again, finished after the kill), what the checker found among them, and the
/// recovery time (an order finished up to <see cref="OrderClassifier.ExportWindow"/> before the kill counts, its spans
/// may still have been in the killed process); then the total, the dead letters by reason, and the stores' leftovers. Also as JSON.
/// </summary>
public sealed record ChaosReport(
    ChaosOptions Options,
    IReadOnlyList<ScheduledFault> Schedule,
    IReadOnlyList<ChaosRow> Faults,
    ChaosRow Total,
    double LoadSeconds,
    double OrdersPerSecond,
    int NeverCreated,
    int ClientRetries,
    IReadOnlyList<string> DeadLetters,
    IReadOnlyDictionary<string, uint> QueueDepths,
    long ShopOutboxUnsent,
    long MesOutboxUnsent,
    IReadOnlyList<string> Findings)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ChaosReport Build(
        ChaosOptions options, IReadOnlyList<ScheduledFault> schedule, IReadOnlyList<FaultResult> faults, IReadOnlyList<DrivenOrder> driven,
        CheckResult check, DateTimeOffset loadStart, TimeSpan loadTime)
    {
        var byId = check.Verdicts.ToDictionary(v => v.OrderId);
        var rows = new List<ChaosRow>();
        var attributed = new HashSet<Guid>();
        foreach (var fault in faults)
        {
            var until = fault.KilledAt + (fault.AllHealthy ?? options.RecoveryTimeout);
            // An order its client saw finished just before the kill may still have had spans in the killed process.
            var during = driven.Where(o => o.OrderId is not null && o.Started <= until && o.Finished >= fault.KilledAt - OrderClassifier.ExportWindow).ToList();
            attributed.UnionWith(during.Select(o => o.OrderId!.Value));
            rows.Add(Row(fault.Resource, fault, (fault.KilledAt - loadStart).TotalSeconds, during, byId));
        }

        rows.Add(Row("(no fault)", null, null, [.. driven.Where(o => o.OrderId is { } id && !attributed.Contains(id))], byId));
        var total = Row("total", null, null, driven, byId);
        return new ChaosReport(
            options,
            schedule,
            rows,
            total,
            loadTime.TotalSeconds,
            driven.Count / loadTime.TotalSeconds,
            driven.Count(o => o.OrderId is null),
            driven.Sum(o => o.Retries),
            [.. check.Broker.DeadLetters.GroupBy(d => (d.Queue, d.Reason)).Select(g => $"{g.Count()} in {g.Key.Queue}: {g.Key.Reason}")],
            check.Broker.Depths,
            check.ShopOutboxUnsent,
            check.MesOutboxUnsent,
            [.. check.Describe(50).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)]);
    }

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{"fault",-11} {"at s",6} {"healthy s",9} {"all s",6} {"orders",6} {"reached",7} {"lost",4} {"dup",4} {"unexp",5} {"chain-",6} {"chain~",6} {"killed",6} {"dlq",4} {"failed",6}"));
        foreach (var row in Faults.Append(Total))
        {
            var problem = row.FaultProblem is { } reason ? "  " + reason : "";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Fault,-11} {Seconds(row.KilledAtSeconds),6} {Seconds(row.HealthySeconds),9} {Seconds(row.AllHealthySeconds),6} {row.Orders,6} {row.Reached,7} {row.Lost,4} {row.Duplicated,4} {row.Unexpected,5} {row.ChainMissing,6} {row.ChainBroken,6} {row.ChainLostWithKill,6} {row.DeadLettered,4} {row.FailedVisibly,6}{problem}"));
        }

        text.AppendLine("chain- = chain missing, chain~ = chain broken (a hop not in the trace), killed = hops lost only because their process was killed before exporting them.");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Load {LoadSeconds:0} s, {OrdersPerSecond:0.00} orders/s; {NeverCreated} never created; {ClientRetries} client retries; outbox unsent: shopdb {ShopOutboxUnsent}, mesdb {MesOutboxUnsent}."));
        text.AppendLine("Queues: " + string.Join(", ", QueueDepths.Select(q => $"{q.Key} {q.Value}")));
        text.AppendLine(DeadLetters.Count == 0 ? "Dead letters: none." : "Dead letters:");
        foreach (var letter in DeadLetters)
        {
            text.AppendLine("  " + letter);
        }

        foreach (var finding in Findings)
        {
            text.AppendLine("  " + finding);
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    private static ChaosRow Row(string name, FaultResult? fault, double? at, IReadOnlyList<DrivenOrder> orders, Dictionary<Guid, OrderVerdict> verdicts)
    {
        var found = orders.Where(o => o.OrderId is { } id && verdicts.ContainsKey(id)).Select(o => verdicts[o.OrderId!.Value]).ToList();
        return new ChaosRow(
            name,
            at,
            fault?.Processes.Count ?? 0,
            fault?.Healthy?.TotalSeconds,
            fault?.AllHealthy?.TotalSeconds,
            fault?.Problem,
            orders.Count,
            found.Count(v => v.Status == v.ExpectedStatus),
            found.Count(v => v.Lost),
            found.Count(v => v.IsDuplicated),
            found.Count(v => v.IsUnexpected),
            found.Count(v => v.IsChainMissing),
            found.Count(v => v.IsChainBroken),
            found.Count(v => v.IsChainLostWithKill),
            found.Count(v => v.DeadLetters.Count > 0),
            found.Count(v => v.VisibleFailure is not null));
    }

    private static string Seconds(double? value) => value is { } seconds ? seconds.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
