using Jewelry.Dashboard.Alerts;

namespace Jewelry.Tests.Alerts;

/// <summary>The bookkeeping that makes each firing and each resolution one notification.</summary>
[Trait("Category", "Unit")]
public sealed class AlertTransitionsTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static EvaluatedAlert Raised(string queue, params string[] orders) => new(
        "messages-not-consumed",
        AlertKind.LostMessages,
        new Dictionary<string, string> { [AlertLabels.AlertName] = "messages-not-consumed", [AlertLabels.Queue] = queue },
        new Dictionary<string, string> { [AlertLabels.Summary] = $"{orders.Length} messages" },
        orders.Length,
        orders);

    /// <summary>Runs evaluations in a row as the store would keep them: the firing rows of one are the input of the next.</summary>
    private static List<AlertChanges> Run(params EvaluatedAlert[][] evaluations)
    {
        var firing = new Dictionary<string, StoredAlert>(StringComparer.Ordinal);
        var changes = new List<AlertChanges>();
        for (var i = 0; i < evaluations.Length; i++)
        {
            var change = AlertTransitions.Plan(firing, evaluations[i], s_start.AddSeconds(i));
            foreach (var row in change.Rows)
            {
                if (row.State == AlertState.Firing)
                {
                    firing[row.Fingerprint] = row;
                }
                else
                {
                    firing.Remove(row.Fingerprint);
                }
            }

            changes.Add(change);
        }

        return changes;
    }

    [Fact]
    public void An_alert_raised_in_evaluation_after_evaluation_fires_once_and_keeps_its_start()
    {
        var changes = Run([Raised("q", "a")], [Raised("q", "a", "b")], [Raised("q", "a", "b")]);

        var fired = Assert.Single(changes.SelectMany(change => change.Fired));
        Assert.Equal(s_start, fired.StartsAt);
        Assert.Empty(changes.SelectMany(change => change.Resolved));
        var last = Assert.Single(changes[^1].Rows);
        Assert.Equal(s_start, last.StartsAt);
        Assert.Equal(["a", "b"], last.Orders);
        Assert.Equal(s_start.AddSeconds(2), last.EvaluatedAt);
    }

    [Fact]
    public void An_alert_no_longer_raised_resolves_once_with_its_end()
    {
        var changes = Run([Raised("q", "a")], [], [], []);

        var resolved = Assert.Single(changes.SelectMany(change => change.Resolved));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(s_start, resolved.StartsAt);
        Assert.Equal(s_start.AddSeconds(1), resolved.EndsAt);
        Assert.Empty(changes[2].Rows);
    }

    [Fact]
    public void An_alert_that_fires_again_after_resolving_is_a_new_firing_with_a_new_start()
    {
        var changes = Run([Raised("q", "a")], [], [Raised("q", "c")]);

        var fired = changes.SelectMany(change => change.Fired).ToList();
        Assert.Equal(2, fired.Count);
        Assert.Equal(fired[0].Fingerprint, fired[1].Fingerprint);
        Assert.Equal(s_start.AddSeconds(2), fired[1].StartsAt);
    }

    [Fact]
    public void Alerts_with_other_labels_fire_and_resolve_on_their_own()
    {
        var changes = Run([Raised("q1", "a"), Raised("q2", "b")], [Raised("q2", "b")]);

        Assert.Equal(2, changes[0].Fired.Count);
        var resolved = Assert.Single(changes[1].Resolved);
        Assert.Equal("q1", resolved.Label(AlertLabels.Queue));
        Assert.Empty(changes[1].Fired);
    }

    [Fact]
    public void The_fingerprint_depends_on_the_labels_not_their_order_nor_the_annotations()
    {
        var one = AlertFingerprint.Of(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var same = AlertFingerprint.Of(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var other = AlertFingerprint.Of(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" });

        Assert.Equal(one, same);
        Assert.NotEqual(one, other);
        Assert.Matches("^[0-9a-f]{16}$", one);
        Assert.Equal(Raised("q", "a").Fingerprint, Raised("q", "b", "c").Fingerprint);
    }
}
