namespace Idl.Numerics.Training;

/// <summary>The update rule of the projected-gradient trainer.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with PyTorch's defaults (β₁ 0.9, β₂ 0.999, ε 1e-8).</summary>
    Adam,

    /// <summary>Stochastic gradient with momentum.</summary>
    Sgd,
}
