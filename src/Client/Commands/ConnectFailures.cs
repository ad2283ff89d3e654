using System.Collections.Concurrent;
using System.Security.Authentication;
using Idl.Grains.Options;

namespace Idl.Client.Commands;

/// <summary>What went wrong while the Orleans client tried the gateways, turned into one message that says what to fix.</summary>
internal sealed class ConnectFailures
{
    private readonly ConcurrentQueue<Exception> _seen = new();

    public void Add(Exception e) => _seen.Enqueue(e);

    public string Explain(ClusterClientOptions cluster, Exception final)
    {
        var all = _seen.Append(final).SelectMany(Flatten).ToArray();
        string where = cluster.Gateways.Count > 0 ? "gateways " + string.Join(", ", cluster.Gateways) : "the gateways in the Azure membership table";
        string ids = $"cluster id '{cluster.ClusterId ?? "default"}', service id '{cluster.ServiceId ?? "default"}'";
        if (all.Any(e => e is AuthenticationException || e.Message.Contains("TLS", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("SSL", StringComparison.OrdinalIgnoreCase)))
            return $"{where} accepted TCP but the TLS handshake failed: give the cluster's certificate with --tls-cert (or leave it out if the silos use plain TCP).";
        if (all.Any(e => e.Message.Contains("cluster", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("id", StringComparison.OrdinalIgnoreCase)))
            return $"{where} answered but rejected this client ({ids}): the cluster id does not match the silos'. Pass the silos' --cluster-id and --service-id (deploy/local-cluster.sh uses idl-local and idl).";
        // A gateway that checks the handshake and dislikes it closes the socket: the client never learns why, but
        // the silo logs "Unexpected cluster id"; a wrong id is by far the commonest cause (TLS failures are caught above).
        if (all.Any(e => e.GetType().Name == "ConnectionAbortedException" || e.Message.Contains("terminated prematurely", StringComparison.OrdinalIgnoreCase)))
            return $"{where} accepted TCP but closed the connection during the Orleans handshake: they reject this client's {ids}. "
                + "Pass the silos' --cluster-id and --service-id (deploy/local-cluster.sh with Azure clustering uses idl-local and idl; "
                + "silos with localhost clustering use Orleans' defaults, so leave both out), or --tls-cert if the silos use TLS.";
        string last = all.LastOrDefault(e => e is not TimeoutException)?.Message ?? final.Message;
        return $"{where} accepted TCP but no Orleans connection was made within {cluster.ConnectTimeout.TotalSeconds:0.#} s ({ids}; last error: {last}). "
            + "If the silos run under other ids, pass --cluster-id and --service-id (deploy/local-cluster.sh uses idl-local and idl); on a slow network raise --connect-timeout.";
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException) yield return x;
    }
}
