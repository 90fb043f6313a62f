using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jewelry.ServiceDefaults.Health;

/// <summary>
/// Writes <c>{"status":"Healthy","checks":{"shopdb":{"status":"Healthy","description":null,"durationMs":3}}}</c>.
/// </summary>
internal static class HealthReportJsonWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";

        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            Write(json, report);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    internal static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");

        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? entry.Exception?.Message);
            json.WriteNumber("durationMs", (long)Math.Round(entry.Duration.TotalMilliseconds));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
