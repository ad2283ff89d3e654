using Idl.Numerics;
using Idl.Numerics.WellPosedness;

namespace Idl.Grains.History;

/// <summary>The solver behind a run's λ_PF(|A|) curve: tolerance 1e-4 and 200 power iterations per component.</summary>
public static class PerronFrobeniusCurve
{
    private static readonly PerronFrobeniusSolver Solver = new(tolerance: 1e-4, maxIterations: 200);

    /// <summary>The certified enclosure of λ_PF(|A|).</summary>
    public static PerronFrobeniusResult Solve<T>(Matrix<T> a) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => Solver.SolveAbs(a);
}
