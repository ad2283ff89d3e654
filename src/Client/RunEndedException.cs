namespace Idl.Client;

/// <summary>A run on the cluster ended other than completed (failed, cancelled elsewhere, paused); the exit code says
/// which (<see cref="ExitCodes.RunFailed"/> or <see cref="ExitCodes.Cancelled"/>).</summary>
public sealed class RunEndedException(string message, int exitCode) : Exception(message)
{
    /// <summary>The process exit code for this ending.</summary>
    public int ExitCode { get; } = exitCode;
}
