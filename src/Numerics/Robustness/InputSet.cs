namespace Idl.Numerics.Robustness;

/// <summary>
/// The uncertainty set of §4.1 around a nominal input u⁰: the box |u − u⁰| ≤ σᵤ (eq. 4.1) or, with
/// <paramref name="Cardinality"/> k, the set of eq. 4.2 relaxed as in Theorem 4.3 to ‖diag(σᵤ)⁻¹(u − u⁰)‖₁ ≤ k.
/// Optional <paramref name="Lower"/>/<paramref name="Upper"/> intersect it with the valid input range (pixels);
/// that only shrinks the set, so every bound stays valid.
/// </summary>
public sealed record InputSet(double[] Nominal, double[] Radius, int? Cardinality = null, double[]? Lower = null, double[]? Upper = null)
{
    /// <summary>Checks lengths and signs; the message names the field.</summary>
    public InputSet Validate(int p)
    {
        if (Nominal.Length != p) throw new ArgumentException($"The nominal input has length {Nominal.Length} but p = {p}.", nameof(Nominal));
        if (Radius.Length != p) throw new ArgumentException($"σᵤ has length {Radius.Length} but p = {p}.", nameof(Radius));
        foreach (double s in Radius)
            if (!(s >= 0) || !double.IsFinite(s)) throw new ArgumentException($"σᵤ must be finite and nonnegative; found {s}.", nameof(Radius));
        if (Cardinality is < 0) throw new ArgumentOutOfRangeException(nameof(Cardinality), Cardinality, "k must be nonnegative.");
        if (Lower is { } lo && lo.Length != p) throw new ArgumentException($"Lower has length {lo.Length} but p = {p}.", nameof(Lower));
        if (Upper is { } hi && hi.Length != p) throw new ArgumentException($"Upper has length {hi.Length} but p = {p}.", nameof(Upper));
        return this;
    }

    /// <summary>The largest decrease and increase of input j allowed.</summary>
    public (double Down, double Up) Range(int j)
    {
        double down = Radius[j], up = Radius[j];
        if (Lower is { } lo) down = Math.Clamp(Nominal[j] - lo[j], 0, down);
        if (Upper is { } hi) up = Math.Clamp(hi[j] - Nominal[j], 0, up);
        return (down, up);
    }
}
