using Jewelry.Tests.Lifecycle;
using Jewelry.Tests.Stack;

namespace Jewelry.Tests.Security;

/// <summary>The README's partner commands, run as written (only the addresses point at the test's stack): token, order, read, journey.</summary>
[Collection(StackCollectionDefinition.Name)]
[Trait("Category", "Integration")]
public sealed class ReadmePartnerFlowTests(StackFixture stack)
{
    private const string Section = "### Partners: a token, then the gateway";

    [Fact]
    public async Task The_readme_partner_flow_places_an_order_through_the_gateway_and_shows_its_journey()
    {
        var root = TestRepository.Root;
        var script = ReadmeScripts.BashBlock(await File.ReadAllTextAsync(Path.Combine(root, "README.md"), TestContext.Current.CancellationToken), Section, "IDENTITY=");
        var addresses = $"IDENTITY={stack.Identity.BaseAddress!.ToString().TrimEnd('/')} GATEWAY={stack.Gateway.BaseAddress!.ToString().TrimEnd('/')}";
        var runnable = string.Join('\n', script.Split('\n').Select(line => line.StartsWith("IDENTITY=", StringComparison.Ordinal) ? addresses : line));

        var (exitCode, output, errors) = await ReadmeScripts.RunBashAsync(runnable, root, TimeSpan.FromSeconds(60), "the token server or the gateway did not answer");

        Assert.True(exitCode == 0, $"the README's commands exit with {exitCode}: {errors}\n{output}");
        var printed = ReadmeScripts.JsonValues(output);
        Assert.True(printed.Count == 2, $"the order and its journey are printed; got:\n{output}");
        var (order, journey) = (printed[0], printed[1]);
        Assert.Equal("MANUFACTURING_APPROVED", order.GetProperty("stage").GetString());
        Assert.True(order.GetProperty("price").GetDecimal() > 0, "the order has a price");
        Assert.Equal(order.GetProperty("orderId").GetString(), journey.GetProperty("orderId").GetString());
        Assert.Equal("MANUFACTURING_APPROVED", journey.GetProperty("currentStage").GetString());
    }
}
