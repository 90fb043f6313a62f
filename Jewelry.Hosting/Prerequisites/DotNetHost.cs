using System.Runtime.InteropServices;

namespace Jewelry.Hosting;

/// <summary>The <c>dotnet</c> that runs this AppHost, used to run the services too.</summary>
internal static class DotNetHost
{
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath && Path.GetFileName(processPath) == "dotnet")
        {
            return processPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/');
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory)));
        if (root is not null && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return ExecutableSearch.Find("dotnet") ?? "dotnet";
    }
}
