namespace Idl.Client;

/// <summary>The process exit codes of <c>idl</c>; documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug): one message line on stderr; the stack trace with <c>--verbose</c>.</summary>
    public const int InternalError = 1;

    /// <summary>Bad command line: unknown option, or a value out of range (the message names the option and value).</summary>
    public const int UsageError = 2;

    /// <summary>The data could not be read: missing file, bad format, NaN, ragged rows, labels out of range.</summary>
    public const int DataError = 3;

    /// <summary>The model file is missing, damaged, or from a newer format.</summary>
    public const int ModelError = 4;

    /// <summary>An equilibrium solve did not converge where a converged one was required.</summary>
    public const int NotConverged = 5;

    /// <summary>Training diverged (a non-finite loss or parameter, usually a too-large <c>--lr</c>); no model was written.</summary>
    public const int Diverged = 6;

    /// <summary>No gateway of <c>--cluster</c> accepted the connection in time (refused, timed out, TLS or cluster-id
    /// mismatch), or the cluster stayed unreachable while a run was being watched.</summary>
    public const int ClusterUnavailable = 7;

    /// <summary>The run on the cluster ended without completing (failed, or paused because checkpoints cannot be written).</summary>
    public const int RunFailed = 8;

    /// <summary>Cancelled by Ctrl-C or SIGTERM; nothing was written half-way.</summary>
    public const int Cancelled = 130;
}
