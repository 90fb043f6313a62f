using System.Collections.Concurrent;
using System.Diagnostics;

namespace Jewelry.Hosting;

/// <summary>
/// Starts every child process from one long-lived thread. Children are started under
/// <c>setpriv --pdeathsig KILL</c>, and the kernel sends that signal when the *thread* that forked them
/// exits; .NET forks on the calling thread, so a thread-pool thread that retires would kill healthy servers.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<LaunchRequest> _requests = [];
    private static readonly Lazy<Thread> _thread = new(StartThread, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task StartAsync(Process process)
    {
        _ = _thread.Value;
        var request = new LaunchRequest(process, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _requests.Add(request);
        return request.Completion.Task;
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Jewelry process launcher" };
        thread.Start();
        return thread;
    }

    // Never lets an exception end the thread: that would kill every child it started.
    private static void Run()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            try
            {
                request.Process.Start();
                request.Process.BeginOutputReadLine();
                request.Process.BeginErrorReadLine();
                request.Completion.SetResult();
            }
            catch (Exception exception)
            {
                request.Completion.SetException(exception);
            }
        }
    }

    private sealed record LaunchRequest(Process Process, TaskCompletionSource Completion);
}
