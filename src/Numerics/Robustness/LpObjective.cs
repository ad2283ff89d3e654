namespace Idl.Numerics.Robustness;

/// <summary>The objective Σᵢ fᵢ(xᵢ) (+ dᵀu) of problem 4.9 that <see cref="LpRelaxation"/> bounds.</summary>
public abstract record LpObjective
{
    private LpObjective() { }

    /// <summary>fᵢ(ξ) = cᵢξ, plus dᵀu when <paramref name="D"/> is given (an output margin needs the Du term).</summary>
    public sealed record Linear(double[] C, double[]? D = null) : LpObjective;

    /// <summary>
    /// fᵢ(ξ) = (ξ − x⁰ᵢ)² of §7.3.2: the largest squared ℓ2 state deviation. Convex fᵢ are bounded above on
    /// [lᵢ, hᵢ] = [max(0, x⁰ᵢ − σₓᵢ), x⁰ᵢ + σₓᵢ] by their chord, their concave envelope there, which keeps the
    /// relaxation an LP and its value an upper bound.
    /// </summary>
    public sealed record SquaredDistance : LpObjective;
}
