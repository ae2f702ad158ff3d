using System.Net;
using System.Net.Sockets;

namespace GreenCompute.Mqtt.Tests.Fixtures;

internal static class FreePort
{
    /// <summary>A loopback port free right now (the OS picks it); a server started on it may still race another test, so callers retry.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
