using Aspire.Hosting;
using Jewelry.Hosting.LocalData;

namespace Jewelry.Hosting.Reporting;

internal static class StateFileLocation
{
    public const string DefaultFileName = "resources.json";

    /// <summary><c>Jewelry:StateFile</c> (<c>--state-file</c>), or <c>resources.json</c> in the data folder.</summary>
    public static string Resolve(IDistributedApplicationBuilder builder) =>
        builder.Configuration[AppHostSettings.StateFile] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(LocalDataDirectory.For(builder).Path, DefaultFileName);
}
