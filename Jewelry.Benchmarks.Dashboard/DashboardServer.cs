using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>The dashboard as a separate process, started as the AppHost starts it.</summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly Process _process;

    private DashboardServer(Process process, Uri frontend, Uri otlpHttp, HttpClient api)
    {
        _process = process;
        FrontendUrl = frontend;
        OtlpHttpUrl = otlpHttp;
        Api = api;
    }

    public Uri FrontendUrl { get; }

    public Uri OtlpHttpUrl { get; }

    /// <summary>A client with a dashboard session.</summary>
    public HttpClient Api { get; }

    public static async Task<DashboardServer> StartAsync(BenchmarkOptions options, string connectionString)
    {
        var frontend = new Uri($"http://127.0.0.1:{FreePort()}");
        var otlpHttp = new Uri($"http://127.0.0.1:{FreePort()}");
        var token = Guid.NewGuid().ToString("N");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jewelry.Dashboard.dll"));
        // Development, as the AppHost runs it: Production refuses the demo users of appsettings.json.
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = frontend.ToString();
        startInfo.Environment["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = otlpHttp.ToString();
        startInfo.Environment["ConnectionStrings__telemetrydb"] = connectionString;
        startInfo.Environment["Dashboard__Frontend__AuthMode"] = "BrowserToken";
        startInfo.Environment["Dashboard__Frontend__BrowserToken"] = token;
        startInfo.Environment["Dashboard__Otlp__AuthMode"] = "Unsecured";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Dashboard__Orders__LookBack"] = options.LookBack.ToString("c");

        // Retention would delete the generated history older than its 7 days while the benchmark reads it.
        startInfo.Environment["Dashboard__Retention__MaxAge"] = (options.LookBack + TimeSpan.FromDays(1)).ToString("c");

        // The benchmark times one alert evaluation itself (InProcessAlerts); the dashboard's own, every 30 s by default,
        // would land in the middle of the query timings. Once at start, on an empty store, then not for a day.
        startInfo.Environment["Dashboard__Alerts__Interval"] = "1.00:00:00";
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[dashboard] " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[dashboard] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = frontend,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await api.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited || stopwatch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("The dashboard did not become healthy.");
            }

            await Task.Delay(100);
        }

        using var login = await api.GetAsync($"/login?t={token}");
        return new DashboardServer(process, frontend, otlpHttp, api);
    }

    public async Task<long> WrittenSpansAsync()
    {
        await using var stream = await Api.GetStreamAsync("/api/status");
        using var status = await JsonDocument.ParseAsync(stream);
        return status.RootElement.GetProperty("ingest").GetProperty("traces").GetProperty("written").GetInt64();
    }

    public async Task<JsonElement> StatusAsync()
    {
        await using var stream = await Api.GetStreamAsync("/api/status");
        using var status = await JsonDocument.ParseAsync(stream);
        return status.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
