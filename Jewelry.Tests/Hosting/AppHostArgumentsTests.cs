using Jewelry.Hosting;

namespace Jewelry.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class AppHostArgumentsTests
{
    [Fact]
    public void Friendly_switches_become_configuration_arguments_and_the_rest_passes_through()
    {
        var expanded = AppHostArguments.Expand(["--keep-data", "--state-file", "state.json", "--containers", "--data-dir=data", "--demo-thresholds", "--publisher", "manifest"]);

        Assert.Equal(
            [
                "--Jewelry:KeepData=true",
                $"--Jewelry:StateFile={Path.GetFullPath("state.json")}",
                "--Jewelry:Containers=true",
                $"--Jewelry:DataDirectory={Path.GetFullPath("data")}",
                "--Jewelry:DemoThresholds=true",
                "--publisher",
                "manifest",
            ],
            expanded);
    }

    [Fact]
    public void A_switch_that_needs_a_value_and_has_none_is_refused_with_an_example()
    {
        var error = Assert.Throws<ArgumentException>(() => AppHostArguments.Expand(["--state-file"]));

        Assert.Equal("The AppHost option --state-file needs a value, e.g. --state-file /tmp/jewelry-state.json.", error.Message);
    }
}
