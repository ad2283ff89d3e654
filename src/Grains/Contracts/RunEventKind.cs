namespace Idl.Grains.Contracts;

/// <summary>What happened to a run at a <see cref="RunEvent"/>.</summary>
[GenerateSerializer, Alias("idl.RunEventKind")]
public enum RunEventKind
{
    /// <summary>The run was started.</summary>
    Started,

    /// <summary>A new activation resumed the running run from its checkpoint (its previous silo died or it was deactivated).</summary>
    Restarted,

    /// <summary>A caller resumed a paused or failed run.</summary>
    Resumed,
}
