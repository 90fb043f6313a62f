using Jewelry.Dashboard.Audit;
using Jewelry.Dashboard.Ingest;
using Jewelry.Dashboard.Storage;

namespace Jewelry.Dashboard.Api;

/// <summary>Ingest counters per signal, the queue, retention, audit writes and the store's approximate size.</summary>
public sealed record DashboardStatus(
    bool StoreReady,
    long QueuedRecords,
    int QueueCapacity,
    long TotalDropped,
    IReadOnlyDictionary<string, SignalCounters> Ingest,
    RetentionReport Retention,
    AuditStatus Audit,
    IReadOnlyList<TableStatistics> Tables);
