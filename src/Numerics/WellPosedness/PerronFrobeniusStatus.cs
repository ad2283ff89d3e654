namespace Idl.Numerics.WellPosedness;

/// <summary>Why <see cref="PerronFrobeniusSolver"/> stopped. The interval is certified in every case.</summary>
public enum PerronFrobeniusStatus
{
    /// <summary>upper − lower reached the tolerance (or the rounding floor of the bounds).</summary>
    Converged,

    /// <summary>The iteration limit was reached first; the interval is valid but wider than asked.</summary>
    MaxIterations,
}
