namespace Idl.Grains.Contracts;

/// <summary>Why a run failed, so that a client maps it to an exit code without reading the message.</summary>
[GenerateSerializer, Alias("idl.RunFailure")]
public enum RunFailure
{
    /// <summary>Not failed (or failed before this was recorded).</summary>
    None,

    /// <summary>A step failed more often than allowed (shards unreachable, a bug); resumable.</summary>
    StepFailed,

    /// <summary>The loss or a parameter became non-finite; not resumable: start again with a smaller learning rate.</summary>
    Diverged,
}
