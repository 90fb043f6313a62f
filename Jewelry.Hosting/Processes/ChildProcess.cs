using System.Diagnostics;

namespace Jewelry.Hosting;

/// <summary>A process the AppHost started: its output goes to the resource log, and it dies with the AppHost.</summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly ResourceLog _log;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _standardOutputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _standardErrorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ProcessSpec spec, ResourceLog log)
    {
        _process = process;
        _log = log;
        Spec = spec;
    }

    public ProcessSpec Spec { get; }

    public string Name => Path.GetFileName(Spec.FileName);

    public int Id { get; private set; }

    /// <summary>Completes with the exit code (128 + signal number when killed by a signal).</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static async Task<ChildProcess> StartAsync(ProcessSpec spec, Toolchain tools, ResourceLog log)
    {
        var process = new Process { StartInfo = CreateStartInfo(spec, tools), EnableRaisingEvents = true };
        var child = new ChildProcess(process, spec, log);
        process.OutputDataReceived += (_, e) => child.OnOutput(e.Data, child._standardOutputClosed);
        process.ErrorDataReceived += (_, e) => child.OnOutput(e.Data, child._standardErrorClosed);
        process.Exited += (_, _) => child.OnExited();
        try
        {
            await ProcessLauncher.StartAsync(process).ConfigureAwait(false);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        child.Id = process.Id;
        _ = child.DisposeWhenDrainedAsync();
        return child;
    }

    /// <summary>Sends <see cref="ProcessSpec.StopSignal"/>, then SIGKILL if the process outlives <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        if (!HasExited)
        {
            gracePeriod = gracePeriod > Spec.MinimumGracePeriod ? gracePeriod : Spec.MinimumGracePeriod;
            Signal(Spec.StopSignal);
            if (!await CompletesWithinAsync(Exited, gracePeriod).ConfigureAwait(false))
            {
                _log.Write($"{Name} (pid {Id}) did not stop within {gracePeriod.TotalSeconds:0} s; killing it");
                Signal(NativeMethods.SIGKILL);
                await CompletesWithinAsync(Exited, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
        }

        // Its last words belong in the log before the caller moves on (and perhaps closes the log).
        await WaitForOutputAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
    }

    public void Signal(int signal)
    {
        if (!HasExited)
        {
            // ESRCH (already gone) is the only expected failure; the Exited event reports the rest.
            _ = NativeMethods.Kill(Id, signal);
        }
    }

    /// <summary>Waits (briefly) for the last output lines after exit, so failure messages can quote them.</summary>
    public Task WaitForOutputAsync(TimeSpan timeout) =>
        CompletesWithinAsync(Task.WhenAll(_standardOutputClosed.Task, _standardErrorClosed.Task), timeout);

    private static ProcessStartInfo CreateStartInfo(ProcessSpec spec, Toolchain tools)
    {
        var startInfo = new ProcessStartInfo(tools.Setpriv)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };

        // setpriv and setsid both exec, so the PID we hold is the program's own.
        // --pdeathsig: the kernel kills the child if the AppHost dies, even by SIGKILL.
        // setsid: a session of its own, so Ctrl+C in the terminal reaches only the AppHost,
        // which then stops everything in dependency order.
        startInfo.ArgumentList.Add("--pdeathsig");
        startInfo.ArgumentList.Add("KILL");
        if (spec.RunAs is { } user)
        {
            startInfo.ArgumentList.Add($"--reuid={user.UserId}");
            startInfo.ArgumentList.Add($"--regid={user.GroupId}");
            startInfo.ArgumentList.Add("--init-groups");
        }

        startInfo.ArgumentList.Add("--");
        startInfo.ArgumentList.Add(tools.Setsid);
        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // Runs on a thread-pool thread: an exception here would take the whole AppHost down.
    private void OnOutput(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        try
        {
            _log.Write(line);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or IOException)
        {
            // Output that arrives after the application was disposed has nowhere to go.
        }
    }

    private void OnExited()
    {
        int exitCode;
        try
        {
            exitCode = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            exitCode = -1;
        }

        _exited.TrySetResult(exitCode);
    }

    private async Task DisposeWhenDrainedAsync()
    {
        await Exited.ConfigureAwait(false);
        await WaitForOutputAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _process.Dispose();
    }
}
