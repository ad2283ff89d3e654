using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Training;

/// <summary>
/// Detects a run that has diverged (a non-finite loss or parameter), so that it ends as its own outcome instead of
/// failing later inside the projection with a message about matrix entries.
/// </summary>
public static class DivergenceCheck
{
    /// <summary>Throws when <paramref name="loss"/> or any parameter of <paramref name="model"/> is not finite.</summary>
    /// <param name="step">1-based global step number.</param>
    /// <param name="epoch">1-based epoch of that step.</param>
    /// <exception cref="TrainingDivergedException">Training has diverged.</exception>
    public static void ThrowIfDiverged<T>(double loss, ImplicitModel<T> model, int epoch, int step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!double.IsFinite(loss)) throw new TrainingDivergedException(epoch, step, $"the loss is {loss}");
        foreach (var (name, values) in new (string, T[]?)[]
            { ("A", model.A.Data), ("B", model.B.Data), ("C", model.C.Data), ("D", model.D.Data), ("b", model.StateBias), ("c", model.OutputBias) })
        {
            if (values is null) continue;
            foreach (var v in values)
                if (!T.IsFinite(v)) throw new TrainingDivergedException(epoch, step, $"{name} holds {v}");
        }
    }
}
