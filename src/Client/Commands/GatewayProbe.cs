using System.Net;
using System.Net.Sockets;

namespace Idl.Client.Commands;

/// <summary>
/// Opens a plain TCP connection to each gateway, all at once, before the Orleans client starts: the client itself
/// retries a dead address silently until its timeout, so this is what lets a dead cluster fail within seconds with
/// a message that names every gateway and what happened to it.
/// </summary>
internal static class GatewayProbe
{
    /// <summary>One gateway and what a connection attempt found; <see cref="Problem"/> null means it accepted.</summary>
    public sealed record Result(IPEndPoint Gateway, string? Problem);

    public static async Task<Result[]> ProbeAsync(IReadOnlyList<IPEndPoint> gateways, TimeSpan timeout, CancellationToken cancellationToken) =>
        await Task.WhenAll(gateways.Select(g => ProbeOneAsync(g, timeout, cancellationToken)));

    private static async Task<Result> ProbeOneAsync(IPEndPoint gateway, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(gateway.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(gateway, limit.Token);
            return new Result(gateway, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Result(gateway, $"no answer within {timeout.TotalSeconds:0.#} s (timed out; a firewall, a wrong address, or a slow network: see --connect-timeout)");
        }
        catch (SocketException e)
        {
            return new Result(gateway, e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused (nothing listens on that port: is the silo running, and is this its gateway port?)",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "unreachable (" + e.Message + ")",
                SocketError.TimedOut => "timed out",
                _ => e.Message,
            });
        }
    }

    /// <summary>One line per gateway, for the error message.</summary>
    public static string Describe(IEnumerable<Result> results) =>
        string.Join("; ", results.Select(r => $"{r.Gateway}: {r.Problem ?? "accepted a TCP connection"}"));
}
