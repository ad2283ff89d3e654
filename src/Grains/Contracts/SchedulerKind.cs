namespace Idl.Grains.Contracts;

/// <summary>A sweep's early-stopping rule.</summary>
[GenerateSerializer, Alias("idl.SchedulerKind")]
public enum SchedulerKind
{
    /// <summary>Every trial runs all its epochs.</summary>
    None,

    /// <summary>Asynchronous successive halving (Li et al. 2018).</summary>
    Asha,
}
