namespace Idl.Grains.Sweeps;

/// <summary>What <see cref="AshaScheduler.Report"/> says about a trial at an epoch.</summary>
public enum AshaDecision
{
    /// <summary>Train on: the epoch is not a rung, or the trial is in the top 1/η of its rung.</summary>
    Continue,

    /// <summary>Stop: outside the top 1/η of its rung, or its metric is not finite.</summary>
    Stop,

    /// <summary>Not decidable yet: a trial with a smaller index may still reach this rung. Ask again later (the
    /// sweep pauses the trial at its checkpoint meanwhile).</summary>
    Wait,
}
