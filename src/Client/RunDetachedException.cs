namespace Idl.Client;

/// <summary>Ctrl-C while watching a run: the client stops following it; the run goes on on the cluster.</summary>
public sealed class RunDetachedException(string runId)
    : Exception($"detached from run {runId}; it goes on on the cluster. Follow it again with: idl runs watch {runId}; stop it with: idl runs cancel {runId}")
{
    /// <summary>The run left running.</summary>
    public string RunId { get; } = runId;
}
