using System.Text;
using System.Text.Json;
using Jewelry.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.Tests.ServiceDefaults;

[Trait("Category", "Unit")]
public sealed class HealthEndpointsTests
{
    [Theory]
    [InlineData("/health", true)]
    [InlineData("/alive", true)]
    [InlineData("/HEALTH", true)]
    [InlineData("/health/details", true)]
    [InlineData("/healthz", false)]
    [InlineData("/orders/health", false)]
    [InlineData("/", false)]
    public void Recognises_probe_paths(string path, bool isProbe)
        => Assert.Equal(isProbe, HealthEndpoints.IsProbePath(path));

    [Fact]
    public void The_report_is_written_as_status_and_checks_by_name()
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                ["shopdb"] = new(HealthStatus.Healthy, description: null, TimeSpan.FromMilliseconds(3.4), exception: null, data: null),
                ["messaging"] = new(HealthStatus.Unhealthy, "Not connected to the broker yet.", TimeSpan.FromMilliseconds(0.2), exception: null, data: null),
                ["models"] = new(HealthStatus.Unhealthy, description: null, TimeSpan.FromMilliseconds(2500), new TimeoutException("timed out"), data: null),
            },
            TimeSpan.FromMilliseconds(2501));

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            HealthReportJsonWriter.Write(json, report);
        }

        Assert.Equal(
            """{"status":"Unhealthy","checks":{"shopdb":{"status":"Healthy","description":null,"durationMs":3},"messaging":{"status":"Unhealthy","description":"Not connected to the broker yet.","durationMs":0},"models":{"status":"Unhealthy","description":"timed out","durationMs":2500}}}""",
            Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
