using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Jewelry.Tests.Dashboard;

namespace Jewelry.Tests.Alerts;

/// <summary>
/// The test's own webhook endpoint, as Alertmanager's receivers are: <c>/ok</c> takes every call, <c>/fail</c> answers 500
/// to every call, <c>/hang</c> never answers. Every call is recorded with its body, by path.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Ok = "ok";
    public const string Failing = "fail";
    public const string Hanging = "hang";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, JsonElement Body)> _calls = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private WebhookReceiver(int port)
    {
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; }

    public static WebhookReceiver Start() => new(FreePort.Next());

    public Uri UrlOf(string path) => new(BaseUrl, path);

    /// <summary>The bodies POSTed to <paramref name="path"/>, in arrival order.</summary>
    public IReadOnlyList<JsonElement> CallsTo(string path) => [.. _calls.Where(call => call.Path == path).Select(call => call.Body)];

    public string Describe() => string.Join("\n", _calls.Select(call => $"{call.Path}: {call.Body}"));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.Trim('/');
        using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
        {
            _calls.Enqueue((path, document.RootElement.Clone()));
        }

        if (path == Hanging)
        {
            // Held open until the test ends: the dashboard's attempt timeout has to give up on it.
            try
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
            }

            context.Response.Abort();
            return;
        }

        context.Response.StatusCode = path == Failing ? 500 : 200;
        context.Response.Close();
    }
}
