using Jewelry.Hosting;

namespace Jewelry.Tests.Dashboard;

internal static class FreePort
{
    /// <summary>
    /// A free loopback port never handed out before in this process, by the orchestrator or a test: the kernel may
    /// give the same just-released port to two bind(0) calls in a row.
    /// </summary>
    public static int Next() => PortAllocator.Next();
}
