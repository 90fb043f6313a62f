using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Jewelry.Tests.Dashboard;

/// <summary>
/// Admins change the retention limits at runtime: validated, persisted in the store (they survive a restart),
/// used by the next retention run, and audited with old and new values. A dashboard and database of its own,
/// because it deletes telemetry.
/// </summary>
[Collection(DashboardTestGroup.Name)]
[Trait("Category", "Integration")]
public sealed class RetentionSettingsTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> _settings = new() { ["Dashboard:Retention:Interval"] = "00:00:01" };
    private string _connectionString = string.Empty;
    private DashboardProcess _dashboard = null!;

    public async ValueTask InitializeAsync()
    {
        _connectionString = fixture.Postgres.NewDatabase("settings");
        _dashboard = await DashboardProcess.StartAsync(_connectionString, _settings);
    }

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task A_change_applies_at_the_next_run_is_audited_and_survives_a_restart()
    {
        using var admin = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);
        var configured = await admin.GetJsonAsync("/api/settings/retention");
        Assert.Equal("configuration", configured.GetProperty("source").GetString());
        Assert.Equal(10_000_000, configured.GetProperty("maxSpans").GetInt64());

        // Three traces of two spans, oldest first; at most four spans kept: the oldest trace goes.
        var traces = new List<string>();
        using (var otlp = new OtlpTestClient(_dashboard))
        {
            for (var i = 3; i >= 1; i--)
            {
                var traceId = SampleTelemetry.NewTraceId();
                using var response = await otlp.PostProtobufAsync("/v1/traces", SampleTelemetry.WideTrace(traceId, "settings-service", 2, DateTimeOffset.UtcNow.AddMinutes(-i)));
                response.EnsureSuccessStatusCode();
                traces.Add(SampleTelemetry.Hex(traceId));
            }
        }

        foreach (var traceId in traces)
        {
            (await admin.WaitForTraceAsync(traceId, 2)).Dispose();
        }

        using var put = await PutAsync(admin, """{"maxAge": "2d", "maxSpans": 4, "maxLogRecords": null, "maxMetricPoints": 1000}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("settings", saved.GetProperty("source").GetString());
        Assert.Equal("admin", saved.GetProperty("updatedBy").GetString());
        Assert.Equal("2.00:00:00", saved.GetProperty("maxAge").GetString());
        Assert.Equal(4, saved.GetProperty("maxSpans").GetInt64());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("maxLogRecords").ValueKind);
        Assert.Equal(10_000_000, saved.GetProperty("configured").GetProperty("maxSpans").GetInt64());

        await Poll.UntilAsync(() => admin.GetTraceAsync(traces[0]), trace => trace is null, TimeSpan.FromSeconds(20), "the oldest trace removed by the next retention run");
        Assert.NotNull(await admin.GetTraceAsync(traces[1]));
        Assert.NotNull(await admin.GetTraceAsync(traces[2]));
        var status = await admin.GetJsonAsync("/api/status");
        Assert.Equal(4, status.GetProperty("retention").GetProperty("maxSpans").GetInt64());
        Assert.Equal("2.00:00:00", status.GetProperty("retention").GetProperty("maxAge").GetString());

        var audit = await admin.GetJsonAsync("/api/audit?user=admin");
        var change = Assert.Single(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("method").GetString() == "PUT");
        Assert.Equal("/api/settings/retention", change.GetProperty("path").GetString());
        Assert.Equal(
            "retention: maxAge 7.00:00:00 -> 2.00:00:00, maxSpans 10000000 -> 4, maxLogRecords 10000000 -> none, maxMetricPoints 10000000 -> 1000",
            change.GetProperty("detail").GetString());

        await _dashboard.StopAsync();
        await _dashboard.DisposeAsync();
        _dashboard = await DashboardProcess.StartAsync(_connectionString, _settings);
        using var afterRestart = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);
        var persisted = await afterRestart.GetJsonAsync("/api/settings/retention");
        Assert.Equal("settings", persisted.GetProperty("source").GetString());
        Assert.Equal(4, persisted.GetProperty("maxSpans").GetInt64());
        Assert.Equal("2.00:00:00", persisted.GetProperty("maxAge").GetString());

        using var reset = await afterRestart.DeleteAsync("/api/settings/retention", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var back = await afterRestart.GetJsonAsync("/api/settings/retention");
        Assert.Equal("configuration", back.GetProperty("source").GetString());
        Assert.Equal(10_000_000, back.GetProperty("maxSpans").GetInt64());
    }

    [Theory]
    [InlineData("""{"maxAge": "-1.00:00:00", "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxAge", "between 1 minute and")]
    [InlineData("""{"maxAge": "30s", "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxAge", "between 1 minute and")]
    [InlineData("""{"maxAge": "30m", "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxAge", "is shorter than Dashboard:Alerts:Rules:")]
    [InlineData("""{"maxAge": "soon", "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxAge", "'soon' is not a duration")]
    [InlineData("""{"maxAge": 7, "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxAge", "must be a string")]
    [InlineData("""{"maxAge": "7d", "maxSpans": 0, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxSpans", "between 1 and")]
    [InlineData("""{"maxAge": "7d", "maxSpans": -5, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxSpans", "between 1 and")]
    [InlineData("""{"maxAge": "7d", "maxSpans": 1.5, "maxLogRecords": 1, "maxMetricPoints": 1}""", "maxSpans", "whole number")]
    [InlineData("""{"maxAge": "7d", "maxSpans": 1, "maxLogRecords": 1}""", "maxMetricPoints", "maxMetricPoints is missing")]
    [InlineData("""{"maxAge": "7d", "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1, "maxTraces": 3}""", "maxTraces", "is not a retention setting")]
    [InlineData("""[1, 2]""", "body", "must be a JSON object")]
    [InlineData("""{"maxAge": """, "body", "not valid JSON")]
    public async Task Invalid_limits_get_a_400_problem_and_change_nothing(string body, string field, string message)
    {
        using var admin = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);
        var before = (await admin.GetJsonAsync("/api/settings/retention")).GetRawText();

        using var response = await PutAsync(admin, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var fieldErrors), problem.RootElement.GetRawText());
        Assert.Contains(message, fieldErrors[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await admin.GetJsonAsync("/api/settings/retention")).GetRawText());
    }

    [Fact]
    public async Task Only_admins_change_the_limits()
    {
        using var developer = await SignInAsync(DemoUsers.DeveloperName, DemoUsers.DeveloperPassword);

        using var response = await PutAsync(developer, """{"maxAge": "1d", "maxSpans": 1, "maxLogRecords": 1, "maxMetricPoints": 1}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var admin = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);
        Assert.Equal("configuration", (await admin.GetJsonAsync("/api/settings/retention")).GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_settings_page_saves_valid_limits_and_shows_what_is_wrong_with_others()
    {
        using var admin = await SignInAsync(DemoUsers.AdminName, DemoUsers.AdminPassword);

        using var invalid = await PostFormAsync(admin, new() { ["maxAge"] = "-3d", ["maxSpans"] = "100", ["maxLogRecords"] = "", ["maxMetricPoints"] = "" });
        var invalidHtml = await invalid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("&#x27;-3d&#x27; is not a duration", invalidHtml, StringComparison.Ordinal);

        using var tooShort = await PostFormAsync(admin, new() { ["maxAge"] = "10m", ["maxSpans"] = "100", ["maxLogRecords"] = "", ["maxMetricPoints"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("that alert rule would not see the telemetry it looks for", await tooShort.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("configuration", (await admin.GetJsonAsync("/api/settings/retention")).GetProperty("source").GetString());

        using var valid = await PostFormAsync(admin, new() { ["maxAge"] = "36h", ["maxSpans"] = "5000", ["maxLogRecords"] = "", ["maxMetricPoints"] = "7000" });
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        var settings = await admin.GetJsonAsync("/api/settings/retention");
        Assert.Equal("1.12:00:00", settings.GetProperty("maxAge").GetString());
        Assert.Equal(5000, settings.GetProperty("maxSpans").GetInt64());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("maxLogRecords").ValueKind);
        Assert.Equal(7000, settings.GetProperty("maxMetricPoints").GetInt64());
        var page = await admin.GetStringAsync(valid.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("set here", page, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignInAsync(string userName, string password) =>
        DashboardSignIn.SignInAsync(_dashboard.FrontendUrl, userName, password, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string body) =>
        client.PutAsync("/api/settings/retention", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, Dictionary<string, string> fields) =>
        DashboardForm.PostAsync(client, "/admin/retention", "/admin/retention", fields);
}
