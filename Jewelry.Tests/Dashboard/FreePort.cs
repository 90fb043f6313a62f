using System.Net;
using System.Net.Sockets;

namespace Jewelry.Tests.Dashboard;

internal static class FreePort
{
    private static readonly HashSet<int> s_handedOut = [];

    /// <summary>
    /// A free loopback port never handed out before in this process: the kernel may give the same just-released port
    /// to two bind(0) calls in a row.
    /// </summary>
    public static int Next()
    {
        lock (s_handedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (s_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
