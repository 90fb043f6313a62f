using System.Diagnostics;
using System.Net;
using System.Text;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// The dashboard as the AppHost runs it: <c>dotnet Jewelry.Dashboard.dll</c> with the Aspire-style variables,
/// on free ports, with an OTLP API key and a browser token.
/// </summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan _startupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardProcess(Process process, Uri frontend, Uri otlpGrpc, Uri otlpHttp, string browserToken, string apiKey)
    {
        _process = process;
        FrontendUrl = frontend;
        OtlpGrpcUrl = otlpGrpc;
        OtlpHttpUrl = otlpHttp;
        BrowserToken = browserToken;
        ApiKey = apiKey;
    }

    public Uri FrontendUrl { get; }

    public Uri OtlpGrpcUrl { get; }

    public Uri OtlpHttpUrl { get; }

    public string BrowserToken { get; }

    public string ApiKey { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The dashboard's own build output, as the AppHost runs it: the test output folder holds every referenced
    /// service's appsettings.json under one name, so a dashboard started there would read whichever was copied last.
    /// </summary>
    public static string DashboardDll { get; } = Path.Combine(
        Path.GetDirectoryName(new Projects.Jewelry_Dashboard().ProjectPath)!,
        "bin",
        System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyConfigurationAttribute>(typeof(DashboardProcess).Assembly)?.Configuration ?? "Debug",
        "net10.0",
        "Jewelry.Dashboard.dll");

    /// <summary>Starts it and waits until it answers: <c>/health</c> (the store is ready), or only <c>/alive</c> when <paramref name="waitForStore"/> is false.</summary>
    public static async Task<DashboardProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null, bool waitForStore = true)
    {
        var frontend = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var otlpGrpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var otlpHttp = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var browserToken = Guid.NewGuid().ToString("N");
        var apiKey = Guid.NewGuid().ToString("N");

        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(DashboardDll)!,
        };
        startInfo.ArgumentList.Add(DashboardDll);
        var environment = new Dictionary<string, string>
        {
            // As the AppHost runs it; a test may say otherwise.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = frontend.ToString(),
            ["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = otlpGrpc.ToString(),
            ["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = otlpHttp.ToString(),
            ["ConnectionStrings__telemetrydb"] = connectionString,
            ["Dashboard__Otlp__AuthMode"] = "ApiKey",
            ["Dashboard__Otlp__PrimaryApiKey"] = apiKey,
            ["Dashboard__Frontend__AuthMode"] = "BrowserToken",
            ["Dashboard__Frontend__BrowserToken"] = browserToken,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var dashboard = new DashboardProcess(process, frontend, otlpGrpc, otlpHttp, browserToken, apiKey);
        process.OutputDataReceived += (_, e) => dashboard.Append(e.Data);
        process.ErrorDataReceived += (_, e) => dashboard.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await dashboard.WaitUntilHealthyAsync(waitForStore ? "/health" : "/alive");
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }

        return dashboard;
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = FrontendUrl };

    /// <summary>A client with a session: it has followed the login link with the browser token.</summary>
    public async Task<HttpClient> LoginAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = FrontendUrl,
        };
        using var response = await client.GetAsync($"/login?t={BrowserToken}", TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login answered {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>SIGTERM, as the AppHost stops it, then wait for a clean exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("The dashboard did not stop within 30 s of SIGTERM." + Environment.NewLine + Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(string path)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // Drains the redirected output, so the message holds what the dashboard printed before it exited.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Listening, but the first request is slow while other tests keep both cores busy.
            }

            if (stopwatch.Elapsed > _startupTimeout)
            {
                throw new TimeoutException($"The dashboard was not healthy within {_startupTimeout.TotalSeconds:0}s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
