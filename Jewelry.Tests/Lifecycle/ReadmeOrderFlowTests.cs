using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Lifecycle;

/// <summary>
/// The README's "Place an order and follow it" commands, run as written (only <c>SHOP=</c> points at the test's
/// stack) with bash, curl and jq: when the README's promise stops holding, this fails.
/// </summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class ReadmeOrderFlowTests(StackFixture stack)
{
    private const string Section = "## Place an order and follow it";
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_readme_order_flow_ends_with_a_priced_order_and_its_history()
    {
        var root = TestRepository.Root;
        var script = ReadmeScript(await File.ReadAllTextAsync(Path.Combine(root, "README.md"), TestContext.Current.CancellationToken));
        var shopUrl = stack.Shop.BaseAddress!.ToString().TrimEnd('/');
        var runnable = string.Join('\n', script.Split('\n').Select(line => line.StartsWith("SHOP=", StringComparison.Ordinal) ? $"SHOP={shopUrl}" : line));

        var (exitCode, output, errors) = await RunBashAsync(runnable, root);

        Assert.True(exitCode == 0, $"the README's commands exit with {exitCode}: {errors}\n{output}");
        var last = JsonValues(output).LastOrDefault();
        Assert.True(last.ValueKind == JsonValueKind.Object, $"the last command prints the order as JSON; got:\n{output}");
        Assert.Equal("PRICE_CALCULATED", last.GetProperty("status").GetString());
        Assert.True(last.GetProperty("price").GetDecimal() > 0, "the order has a price");
        Assert.Equal(
            ["INITIATED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED"],
            last.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("to").GetString()));
    }

    /// <summary>The first bash block after the section heading.</summary>
    private static string ReadmeScript(string readme)
    {
        var section = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has the section '{Section}'");
        var start = readme.IndexOf("```bash\n", section, StringComparison.Ordinal) + "```bash\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var script = readme[start..end];
        Assert.Contains("SHOP=", script, StringComparison.Ordinal);
        return script;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunBashAsync(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = bash.StandardOutput.ReadToEndAsync();
        var errors = bash.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(s_deadline);
        try
        {
            await bash.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            Assert.Fail($"the README's commands did not finish within {s_deadline.TotalSeconds} s (the order never reached PRICE_CALCULATED?):\n{await output}");
        }

        return (bash.ExitCode, await output, await errors);
    }

    /// <summary>Every JSON value curl and jq printed, one after another.</summary>
    private static List<JsonElement> JsonValues(string output)
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
