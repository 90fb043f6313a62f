namespace Jewelry.Dashboard.Storage.Retention;

/// <summary>What retention has done since the dashboard started.</summary>
public sealed class RetentionStatus
{
    private readonly Lock _lock = new();

    public long Runs { get; private set; }

    public DateTimeOffset? LastRun { get; private set; }

    public string? LastError { get; private set; }

    public RetentionResult Removed { get; private set; } = RetentionResult.None;

    internal void Record(DateTimeOffset time, RetentionResult result)
    {
        lock (_lock)
        {
            Runs++;
            LastRun = time;
            LastError = null;
            Removed += result;
        }
    }

    internal void RecordFailure(DateTimeOffset time, string error)
    {
        lock (_lock)
        {
            LastRun = time;
            LastError = error;
        }
    }
}
