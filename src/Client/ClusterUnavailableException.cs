namespace Idl.Client;

/// <summary>No gateway of the cluster could be reached or accepted this client; the message names each gateway and
/// what happened to it.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
