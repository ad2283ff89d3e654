namespace Idl.Grains.Contracts;

/// <summary>The life cycle of a training run.</summary>
[GenerateSerializer, Alias("idl.RunState")]
public enum RunState
{
    /// <summary>Not started.</summary>
    None,

    /// <summary>Stepping.</summary>
    Running,

    /// <summary>Paused by a caller; resume continues from the same step.</summary>
    Paused,

    /// <summary>All epochs done.</summary>
    Completed,

    /// <summary>Cancelled by a caller.</summary>
    Cancelled,

    /// <summary>Stopped by an error; see <see cref="RunStatus.Error"/>.</summary>
    Failed,
}
