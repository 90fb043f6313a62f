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
        var script = ReadmeScripts.BashBlock(await File.ReadAllTextAsync(Path.Combine(root, "README.md"), TestContext.Current.CancellationToken), Section, "SHOP=");
        var shopUrl = stack.Shop.BaseAddress!.ToString().TrimEnd('/');
        var runnable = string.Join('\n', script.Split('\n').Select(line => line.StartsWith("SHOP=", StringComparison.Ordinal) ? $"SHOP={shopUrl}" : line));

        var (exitCode, output, errors) = await ReadmeScripts.RunBashAsync(runnable, root, s_deadline, "the order never reached PRICE_CALCULATED?");

        Assert.True(exitCode == 0, $"the README's commands exit with {exitCode}: {errors}\n{output}");
        var last = ReadmeScripts.JsonValues(output).LastOrDefault();
        Assert.True(last.ValueKind == JsonValueKind.Object, $"the last command prints the order as JSON; got:\n{output}");
        Assert.Equal("PRICE_CALCULATED", last.GetProperty("status").GetString());
        Assert.True(last.GetProperty("price").GetDecimal() > 0, "the order has a price");
        Assert.Equal(
            ["INITIATED", "FILE_UPLOADED", "SUBMITTED", "PRICE_CALCULATED"],
            last.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("to").GetString()));
    }
}
