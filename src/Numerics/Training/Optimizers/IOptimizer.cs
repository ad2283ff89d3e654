using System.Numerics;

namespace Idl.Numerics.Training.Optimizers;

/// <summary>
/// A first-order update rule applied in place to each parameter tensor. Parameters are identified by their slot
/// so that per-parameter state (moments, velocities) survives across steps.
/// </summary>
public interface IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Begins step t (1-based) with learning rate <paramref name="learningRate"/>.</summary>
    void BeginStep(int step, double learningRate);

    /// <summary>Updates <paramref name="parameter"/> in place from its gradient.</summary>
    void Update(int slot, Span<T> parameter, ReadOnlySpan<T> gradient);

    /// <summary>Copies of the per-slot state (Adam: [m, v]; SGD: [velocity]) for checkpoints.</summary>
    IReadOnlyDictionary<int, T[][]> ExportState();

    /// <summary>Replaces the per-slot state with copies of <paramref name="state"/> (from <see cref="ExportState"/>).</summary>
    /// <exception cref="ArgumentException">A slot holds the wrong number of arrays or arrays of different lengths.</exception>
    void ImportState(IReadOnlyDictionary<int, T[][]> state);
}
