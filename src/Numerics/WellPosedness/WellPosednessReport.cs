using System.Globalization;
using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// Which well-posedness tests of §2.2–2.4 hold for A under an activation map φ, and the verdict they support:
/// ‖A‖∞ &lt; 1 for CONE maps and ‖N(A, γ)‖∞ &lt; 1 (Remark 2.4), λ_PF(N(A, γ)) &lt; 1 certified by its upper bound
/// (Theorem 2.2), and (permuted) block-triangular structure (Theorems 2.7–2.8, Remark 2.6).
/// </summary>
/// <remarks>
/// A block-triangular A is well-posed iff every diagonal block is (Theorems 2.7–2.8). A zero diagonal block always is;
/// a 1×1 block under ReLU is iff aᵢᵢ &lt; 1 (Remark 2.5), under leaky ReLU (slope α) iff (1 − aᵢᵢ)(1 − αaᵢᵢ) &gt; 0,
/// under the identity iff aᵢᵢ ≠ 1; so a triangular A with some aᵢᵢ ≥ 1 under ReLU is reported <see cref="WellPosednessVerdict.IllPosed"/>.
/// Other diagonal blocks are judged well-posed only when they are contractions, and otherwise left undecided.
/// </remarks>
public sealed class WellPosednessReport
{
    private WellPosednessReport() { }

    /// <summary>The state dimension n.</summary>
    public int Size { get; private init; }

    /// <summary>Whether φ is CONE (eq. 2.1).</summary>
    public bool IsCone { get; private init; }

    /// <summary>‖A‖∞, the largest row abs-sum.</summary>
    public double InfinityNorm { get; private init; }

    /// <summary>‖N(A, γ)‖∞ (eq. 2.4).</summary>
    public double InducedNorm { get; private init; }

    /// <summary>The certified enclosure of λ_PF(N(A, γ)) (eq. 2.5); for a CONE map with γ = 1 this is λ_PF(|A|).</summary>
    public required PerronFrobeniusResult PerronFrobenius { get; init; }

    /// <summary>The block-triangular structure of A for φ's blocks, or null when the block dependency graph has a cycle.</summary>
    public BlockTriangularStructure? Structure { get; private init; }

    /// <summary>The fraction of entries of A that are exactly zero.</summary>
    public double Sparsity { get; private init; }

    /// <summary>Every test that holds.</summary>
    public WellPosednessConditions Conditions { get; private init; }

    /// <summary>The conclusion.</summary>
    public WellPosednessVerdict Verdict { get; private init; }

    /// <summary>Why, citing the theorem or remark used.</summary>
    public required string Reason { get; init; }

    /// <summary>Analyzes <paramref name="a"/> for <paramref name="phi"/>.</summary>
    /// <exception cref="ArgumentException">A is not square, does not match φ's size, or holds NaN or infinite entries.</exception>
    public static WellPosednessReport Analyze<T>(Matrix<T> a, ActivationMap phi, PerronFrobeniusSolver? solver = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(phi);
        foreach (T x in a.Data)
            if (!T.IsFinite(x)) throw new ArgumentException($"A ({a.Shape}) holds a NaN or infinite entry.", nameof(a));
        var n = InducedNormMatrix.Build(a, phi);
        var pf = (solver ?? PerronFrobeniusSolver.Default).Solve(n);
        var structure = BlockTriangularStructure.Analyze(a, phi);
        double infinity = Norms.InfinityNorm(a), induced = Norms.InfinityNorm(n);
        var conditions = WellPosednessConditions.None;
        if (phi.IsCone && infinity < 1) conditions |= WellPosednessConditions.InfinityNormBelowOne;
        if (induced < 1) conditions |= WellPosednessConditions.InducedNormBelowOne;
        if (pf.IsCertifiedBelowOne) conditions |= WellPosednessConditions.PerronFrobeniusBelowOne;
        string? diagonalReason = null;
        if (structure is not null)
        {
            (var flag, diagonalReason) = JudgeDiagonal(a, phi, structure);
            conditions |= flag;
        }
        var (verdict, reason) = Conclude(conditions, infinity, induced, pf, structure, diagonalReason);
        return new WellPosednessReport
        {
            Size = a.Rows, IsCone = phi.IsCone, InfinityNorm = infinity, InducedNorm = induced, PerronFrobenius = pf,
            Structure = structure, Sparsity = Norms.Sparsity(a), Conditions = conditions, Verdict = verdict, Reason = reason,
        };
    }

    private static (WellPosednessConditions, string) JudgeDiagonal<T>(Matrix<T> a, ActivationMap phi, BlockTriangularStructure structure)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (structure.IsStrict) return (WellPosednessConditions.StrictlyBlockTriangular, "every diagonal block is zero");
        string? undecided = null;
        for (int b = 0; b < structure.Blocks.Count; b++)
        {
            var block = structure.Blocks[b];
            var activation = phi.Segments.First(s => s.Offset <= block.Start && block.Start < s.Offset + s.Length).Activation;
            var (verdict, reason) = DiagonalBlockCheck.Classify(a, block, activation);
            if (verdict == WellPosednessVerdict.IllPosed) return (WellPosednessConditions.BlockTriangularIllPosedDiagonal, reason);
            if (verdict == WellPosednessVerdict.Unknown) undecided ??= reason;
        }
        return undecided is null
            ? (WellPosednessConditions.BlockTriangularWellPosedDiagonal, "every diagonal block is well-posed")
            : (WellPosednessConditions.None, undecided);
    }

    private static (WellPosednessVerdict, string) Conclude(WellPosednessConditions c, double infinity, double induced,
        PerronFrobeniusResult pf, BlockTriangularStructure? structure, string? diagonal)
    {
        var inv = CultureInfo.InvariantCulture;
        if (c.HasFlag(WellPosednessConditions.BlockTriangularIllPosedDiagonal))
            return (WellPosednessVerdict.IllPosed, $"A is block triangular and {diagonal}; by Theorems 2.7–2.8 A is ill-posed.");
        if (c.HasFlag(WellPosednessConditions.StrictlyBlockTriangular))
            return (WellPosednessVerdict.WellPosed, "A is strictly block triangular (zero diagonal blocks): well-posed by Theorem 2.8 (§3.1).");
        if (c.HasFlag(WellPosednessConditions.InfinityNormBelowOne))
            return (WellPosednessVerdict.WellPosed, string.Create(inv, $"φ is CONE and ‖A‖∞ = {infinity:G6} < 1 (Remark 2.4)."));
        if (c.HasFlag(WellPosednessConditions.InducedNormBelowOne))
            return (WellPosednessVerdict.WellPosed, string.Create(inv, $"‖N(A, γ)‖∞ = {induced:G6} < 1 (Remark 2.4)."));
        if (c.HasFlag(WellPosednessConditions.PerronFrobeniusBelowOne))
            return (WellPosednessVerdict.WellPosed, $"{pf} with upper bound < 1 (Theorem 2.2).");
        if (c.HasFlag(WellPosednessConditions.BlockTriangularWellPosedDiagonal))
            return (WellPosednessVerdict.WellPosed, $"A is block triangular and {diagonal} (Theorems 2.7–2.8).");
        string structureText = structure is null ? "A has no block-triangular structure" : $"A is block triangular but {diagonal}";
        return (WellPosednessVerdict.Unknown, string.Create(inv,
            $"No sufficient condition holds: ‖A‖∞ = {infinity:G6}, ‖N(A, γ)‖∞ = {induced:G6}, {pf}; {structureText}."));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Verdict}: {Reason}";
}
