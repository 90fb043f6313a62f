namespace Jewelry.Dashboard.Storage;

/// <summary>Completes once the database exists and has the schema; the writer, queries and health check wait on it.</summary>
public sealed class TelemetryStoreReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public string? LastError { get; internal set; }

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    internal void MarkReady() => _ready.TrySetResult();
}
