using System.Net;
using System.Net.Sockets;

namespace ComplianceReports.Pipeline.Tests;

public static class LoopbackPorts
{
    /// <summary>A loopback port free a moment ago, for a listener the test starts itself.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
