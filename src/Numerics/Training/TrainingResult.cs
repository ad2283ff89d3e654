using System.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.Training.Penalties;

namespace Idl.Numerics.Training;

/// <summary>The trained model, one report per epoch, and what the penalties removed.</summary>
public sealed record TrainingResult<T>(ImplicitModel<T> Model, IReadOnlyList<EpochReport> Epochs, bool StoppedEarly, SparsityReport Sparsity)
    where T : unmanaged, IFloatingPointIeee754<T>;
