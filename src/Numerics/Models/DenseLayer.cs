using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.Models;

/// <summary>One layer x ↦ φ(Wx + b) of a feed-forward network (eq. 3.1); <see cref="Bias"/> may be null.</summary>
public sealed record DenseLayer<T>(Matrix<T> Weights, T[]? Bias, Activation Activation)
    where T : unmanaged, IFloatingPointIeee754<T>;
