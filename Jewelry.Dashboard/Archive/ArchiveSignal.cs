namespace Jewelry.Dashboard.Archive;

/// <summary>What the archive holds; the name is the first part of every object key.</summary>
public enum ArchiveSignal
{
    Traces,
    Logs,
    Metrics,
}
