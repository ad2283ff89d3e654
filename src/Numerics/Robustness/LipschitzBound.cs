using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Robustness;

/// <summary>
/// The Lipschitz bound of §4.3: ‖ŷ(u) − ŷ(u⁰)‖∞ ≤ ρ‖u − u⁰‖∞ with ρ = ‖B‖∞‖C‖∞/(1 − ‖A‖∞) + ‖D‖∞, for a CONE
/// map with ‖A‖∞ &lt; 1.
/// </summary>
public static class LipschitzBound
{
    /// <summary>ρ.</summary>
    /// <exception cref="ArgumentException">φ is not CONE or ‖A‖∞ ≥ 1 (the bound does not exist; rescale first, §2.5).</exception>
    public static double Compute<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.Activation.IsCone)
            throw new ArgumentException($"ρ of §4.3 needs a CONE map; φ is {model.Activation}. Use the sensitivity matrix (Theorem 4.2).", nameof(model));
        double a = Norms.InfinityNorm(model.A);
        if (a >= 1)
            throw new ArgumentException($"ρ of §4.3 needs ‖A‖∞ < 1 but ‖A‖∞ = {a:G6}; rescale the model (§2.5).", nameof(model));
        return Norms.InfinityNorm(model.B) * Norms.InfinityNorm(model.C) / (1 - a) + Norms.InfinityNorm(model.D);
    }
}
