using Idl.Numerics.Kernels;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.StateMatrices;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Compression;

/// <summary>
/// Rank sparsity (§5.3): A = LRᵀ with L, R ∈ ℝⁿˣᵏ. With z = Rᵀx the equilibrium becomes z = Rᵀφ(Lz + Bu + b), a
/// fixed point in ℝᵏ whose iteration costs O(kn) per sample instead of O(n²); the prediction is
/// ŷ = Cφ(Lz + Bu + b) + Du + c. For a CONE map it is well-posed when λ_PF(|R|ᵀ|L|) &lt; 1.
/// </summary>
public sealed class LowRankModel
{
    private StructuredModel<double>? _structured;

    private LowRankModel(ImplicitModel<double> model, Matrix<double> l, Matrix<double> r) => (Model, L, R) = (model, l, r);

    /// <summary>The model with the dense A = LRᵀ (B, C, D, φ and biases are those of the source).</summary>
    public ImplicitModel<double> Model { get; }

    /// <summary>L, n×k (the left singular vectors scaled by √σ).</summary>
    public Matrix<double> L { get; }

    /// <summary>R, n×k (the right singular vectors scaled by √σ).</summary>
    public Matrix<double> R { get; }

    /// <summary>k.</summary>
    public int Rank => L.Cols;

    /// <summary>The best rank-k approximation of A in the Frobenius norm (truncated SVD, Eckart–Young), split evenly.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not in 1..n.</exception>
    public static LowRankModel FromSvd(ImplicitModel<double> model, int rank)
    {
        ArgumentNullException.ThrowIfNull(model);
        int n = model.StateSize;
        if (rank < 1 || rank > n) throw new ArgumentOutOfRangeException(nameof(rank), rank, $"The rank must be in 1..n = {n}.");
        var svd = MathNetInterop.ToMathNet(model.A).Svd(computeVectors: true);
        var l = new Matrix<double>(n, rank);
        var r = new Matrix<double>(n, rank);
        for (int j = 0; j < rank; j++)
        {
            double s = Math.Sqrt(svd.S[j]);
            for (int i = 0; i < n; i++)
            {
                l[i, j] = svd.U[i, j] * s;
                r[i, j] = svd.VT[j, i] * s;
            }
        }
        var a = Gemm.Product(l, false, r, true);
        return new LowRankModel(new ImplicitModel<double>(a, model.B, model.C, model.D, model.Activation, model.StateBias, model.OutputBias), l, r);
    }

    /// <summary>λ_PF(|R|ᵀ|L|) (k×k): below 1 certifies well-posedness for a CONE map (§5.3).</summary>
    public PerronFrobeniusResult WellPosedness() =>
        PerronFrobeniusSolver.Default.Solve(Gemm.Product(Norms.Abs(R), true, Norms.Abs(L), false));

    /// <summary>The model with A kept as the factors L, R: predictions iterate at O(kn) per sample (§5.3).</summary>
    public StructuredModel<double> Structured => _structured ??= new StructuredModel<double>(
        new LowRankStateMatrix<double>(L, R), Model.B, Model.C, Model.D, Model.Activation, Model.StateBias, Model.OutputBias);

    /// <summary>
    /// Solves z = Rᵀφ(Lz + BU + b) from z = 0 by Picard iteration (carried in x = φ(Lz + BU + b), see
    /// <see cref="LowRankStateMatrix{T}"/>) and returns ŷ with the solve's status.
    /// </summary>
    /// <param name="tolerance">Stop when the state changes by at most this much in every entry.</param>
    public Prediction<double> Predict(Matrix<double> u, double tolerance = 1e-9, int maxIterations = 1000) =>
        Structured.Predict(u, new PicardSolver(new SolverOptions { AbsoluteTolerance = tolerance, RelativeTolerance = 0, MaxIterations = maxIterations }));
}
