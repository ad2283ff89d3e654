namespace Idl.Grains.Contracts;

/// <summary>The life cycle of a sweep.</summary>
[GenerateSerializer, Alias("idl.SweepRunState")]
public enum SweepRunState
{
    /// <summary>Not started.</summary>
    None,

    /// <summary>Trials are pending or running.</summary>
    Running,

    /// <summary>Every trial completed, stopped or failed.</summary>
    Completed,

    /// <summary>Cancelled by a caller; its running trials were cancelled.</summary>
    Cancelled,
}
