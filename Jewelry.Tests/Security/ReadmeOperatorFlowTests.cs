using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Security;

/// <summary>The README's order commands and then its operator commands, run as written (only the addresses point at the test's stack): the operator approves the order and starts production with a token.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class ReadmeOperatorFlowTests(StackFixture stack)
{
    [Fact]
    public async Task The_readme_operator_flow_approves_the_order_and_starts_its_production()
    {
        var root = TestRepository.Root;
        var readme = await File.ReadAllTextAsync(Path.Combine(root, "README.md"), TestContext.Current.CancellationToken);
        var order = ReadmeScripts.BashBlock(readme, "## Place an order and follow it", "SHOP=");
        var operators = ReadmeScripts.BashBlock(readme, "### Operators: a token, then the CRM and the MES", "IDENTITY=");
        var addresses = new Dictionary<string, string>
        {
            ["SHOP="] = $"SHOP={Address(stack.Shop)}",
            ["IDENTITY="] = $"IDENTITY={Address(stack.Identity)} CRM={Address(stack.Crm)} MES={Address(stack.Mes)}",
        };
        var runnable = string.Join('\n', (order + operators).Split('\n')
            .Select(line => addresses.FirstOrDefault(a => line.StartsWith(a.Key, StringComparison.Ordinal)).Value ?? line));

        var (exitCode, output, errors) = await ReadmeScripts.RunBashAsync(runnable, root, TimeSpan.FromSeconds(120), "the price or the approval never arrived?");

        Assert.True(exitCode == 0, $"the README's commands exit with {exitCode}: {errors}\n{output}");
        var printed = ReadmeScripts.JsonValues(output);
        Assert.True(printed.Count >= 3, $"the order's answers, then the approval and the start are printed; got:\n{output}");
        Assert.Equal("PRICE_CALCULATED", printed[^3].GetProperty("status").GetString());
        Assert.Equal("MANUFACTURING_APPROVED", printed[^2].GetProperty("status").GetString());
        Assert.Equal("MANUFACTURING_STARTED", printed[^1].GetProperty("stage").GetString());
    }

    private static string Address(HttpClient client) => client.BaseAddress!.ToString().TrimEnd('/');
}
