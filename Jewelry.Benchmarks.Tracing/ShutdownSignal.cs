using System.Runtime.InteropServices;

namespace Jewelry.Benchmarks.Tracing;

/// <summary>
/// Ctrl+C or SIGTERM cancels <see cref="Token"/>, so the run stops and both stacks are disposed in order.
/// A second Ctrl+C falls through to the default: the process exits and its children die with it.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Console.Error.WriteLine("Stopping both stacks (Ctrl+C again to kill everything at once)...");
        _source.Cancel();
    }
}
