using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Jewelry.Tests.Lifecycle;

/// <summary>Runs a README's commands as written, with bash, curl and jq, and reads what they printed.</summary>
internal static class ReadmeScripts
{
    /// <summary>The first bash block after the section heading.</summary>
    public static string BashBlock(string readme, string heading, string variable)
    {
        var section = readme.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has the section '{heading}'");
        var start = readme.IndexOf("```bash\n", section, StringComparison.Ordinal) + "```bash\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var script = readme[start..end];
        Assert.Contains(variable, script, StringComparison.Ordinal);
        return script;
    }

    /// <summary>Runs the commands with bash (<c>-eo pipefail</c>), killing them after <paramref name="deadline"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunBashAsync(string script, string workingDirectory, TimeSpan deadline, string likelyCause)
    {
        var start = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // As on a fresh Debian machine: curl ignores the README's SSL_CERT_DIR while CURL_CA_BUNDLE is set (README, TLS).
        start.Environment.Remove("CURL_CA_BUNDLE");
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            Assert.Fail($"the README's commands did not finish within {deadline.TotalSeconds} s ({likelyCause}):\n{await output}");
        }

        return (bash.ExitCode, await output, await errors);
    }

    /// <summary>Every JSON value curl and jq printed, one after another.</summary>
    public static List<JsonElement> JsonValues(string output)
    {
        var values = new List<JsonElement>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                values.Add(document.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
            // Something that is not JSON (an HTML error page, say) ends the list; the assertions say what was missing.
        }

        return values;
    }
}
