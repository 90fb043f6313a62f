using System.Diagnostics;
using System.Reflection;

namespace Jewelry.Tests.Hosting;

/// <summary>Runs the real AppHost executable (dotnet Jewelry.AppHost.dll), as a developer would.</summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly TestLog _output = new();

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output => _output.ToString();

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static string RepositoryRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("JEWELRY_REPO_ROOT") is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Jewelry.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Jewelry.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static AppHostProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appHost = Path.Combine(RepositoryRoot, "Jewelry.AppHost", "bin", configuration, "net10.0", "Jewelry.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        startInfo.ArgumentList.Add(appHost);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var appHostProcess = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => appHostProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => appHostProcess.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appHostProcess;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public void Kill() => _process.Kill();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _output.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.WriteLine(line);
        }
    }
}
