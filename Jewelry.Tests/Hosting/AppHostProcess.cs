using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Jewelry.Tests.Dashboard;

using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Hosting;

/// <summary>
/// Runs the real AppHost executable as a developer's launch profile does (the Aspire dashboard and DCP included), on
/// free ports, with its service ports randomised so a developer's own running stack is not in the way.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly TestLog _output = new();

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output => _output.ToString();

    public bool HasExited => _process.HasExited;

    public static string RepositoryRoot => TestRepository.Root;

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

        // What the launch profile sets, on free ports: the UI over plain http, the OTLP and resource service endpoints over TLS.
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = FreeUrl();
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = FreeUrl("https");
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = FreeUrl("https");
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = FreeUrl("https");
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        startInfo.Environment["DcpPublisher__RandomizePorts"] = "true";
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

    /// <summary>SIGTERM, what a service manager, CI or <c>kill</c> sends.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the AppHost gets no chance to stop anything.</summary>
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

    private static string FreeUrl(string scheme = "http") => $"{scheme}://127.0.0.1:{FreePort.Next()}";

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.WriteLine(line);
        }
    }
}
