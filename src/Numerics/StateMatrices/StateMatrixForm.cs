namespace Idl.Numerics.StateMatrices;

/// <summary>How the state matrix A of a model is stored and multiplied.</summary>
public enum StateMatrixForm
{
    /// <summary>n×n entries, multiplied by dense GEMM.</summary>
    Dense,

    /// <summary>A = LRᵀ with L, R ∈ ℝⁿˣᵏ (§5.3): a product costs O(kn) per sample.</summary>
    LowRank,

    /// <summary>Compressed sparse rows (a pruned A, §5.4): a product costs O(nnz) per sample.</summary>
    Sparse,
}
