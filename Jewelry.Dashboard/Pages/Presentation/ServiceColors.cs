namespace Jewelry.Dashboard.Pages.Presentation;

/// <summary>A stable colour per service name, so a service looks the same on every page and in every trace.</summary>
public static class ServiceColors
{
    private const int PaletteSize = 12;

    public static string CssClass(string serviceName) => $"svc-{IndexOf(serviceName)}";

    public static int IndexOf(string serviceName)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 2166136261u;
        foreach (var c in serviceName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % PaletteSize);
    }
}
