using System.Net;
using System.Net.Sockets;

namespace Jewelry.Hosting;

/// <summary>Free ports on 127.0.0.1: bind port 0, read it, release it. Never hands out the same port twice in this process.</summary>
internal static class PortAllocator
{
    private static readonly HashSet<int> _handedOut = [];
    private static readonly Lock _lock = new();

    public static int Next()
    {
        lock (_lock)
        {
            while (true)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
