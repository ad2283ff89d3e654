using Idl.Grains.Contracts;

namespace Idl.Client.Commands;

/// <summary>The exit code and one-line message of a run that ended without completing.</summary>
internal static class RunOutcome
{
    public static RunEndedException Ended(string runId, RunStatus status) => status.State switch
    {
        RunState.Cancelled => new RunEndedException($"run {runId} was cancelled (by idl runs cancel or another client) at step {status.Step}.", ExitCodes.Cancelled),
        _ => new RunEndedException($"run {runId} ended {status.State} at step {status.Step}: {status.Error ?? "no reason given"}. "
            + $"Its last checkpoint is step {status.CheckpointStep}; continue with idl runs resume {runId}.", ExitCodes.RunFailed),
    };
}
