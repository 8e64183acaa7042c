using System.Net;
using System.Net.Sockets;

namespace CodeRoom.Api.Infrastructure;

/// <summary>
/// Finds a listen address another process already holds, before Kestrel tries it: Kestrel's own failure is a logged
/// stack trace, and a start error here is one line (issue 12). Binding a throwaway socket and closing it leaves a race
/// with whoever binds next; Program.cs also turns Kestrel's own failure into the same line.
/// </summary>
internal static class ListenAddressCheck
{
    /// <summary>The first of the configured URLs (";"-separated, as ASPNETCORE_URLS) whose address is taken, or null.</summary>
    public static string? FirstTaken(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "*" and "+" are Kestrel's wildcards, which Uri does not parse.
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
                    UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }
            var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
                : uri.IsLoopback ? IPAddress.Loopback
                : IPAddress.Any;
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // As Kestrel binds: connections a stopped instance left in TIME_WAIT do not hold the port (a restart must
                // not be refused for them), only a listening socket does.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(address, uri.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
            catch (SocketException)
            {
                // Not ours to judge (an address this host does not have): Kestrel says so itself.
            }
        }
        return null;
    }
}
