using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Solvers;

/// <summary>
/// Exact block back-substitution (Remark 2.5) for A that is block-triangular up to a permutation (Theorems
/// 2.7–2.8): blocks are solved level by level in dependency order, each level with one product. Strictly
/// triangular A (feed-forward networks, eq. 3.2) needs no iteration at all; a scalar self-loop under ReLU,
/// leaky ReLU or identity is solved in closed form, any other non-zero diagonal block by Picard on that block.
/// The adjoint runs the same levels in reverse (Aᵀ is triangular the other way).
/// </summary>
public sealed class TriangularSolver(SolverOptions? options = null) : IEquilibriumSolver
{
    private readonly PicardSolver _blockSolver = new(options);

    /// <summary>Stopping rules for the Picard solves of non-zero diagonal blocks.</summary>
    public SolverOptions Options => _blockSolver.Options;

    /// <inheritdoc />
    public string Name => "triangular";

    /// <inheritdoc />
    public EquilibriumResult<T> SolveForward<T>(Matrix<T> a, ActivationMap phi, Matrix<T> inputTerm, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var map = new ForwardMap<T>(a, phi, inputTerm);
        var x = new Matrix<T>(a.Rows, inputTerm.Cols);
        if (BlockTriangularStructure.Analyze(a, phi) is not { } structure) return Done(x, SolverStatus.NotApplicable, 0);
        int iterations = 0;
        foreach (var level in structure.Levels)
        {
            int[] rows = RowsOf(structure, level);
            var c = new Matrix<T>(rows.Length, x.Cols);
            Gemm.Multiply(GatherRows(a, rows), false, x, false, c, default(AddEpilogue<T>), GatherRows(inputTerm, rows));
            int offset = 0;
            foreach (int block in level)
            {
                var bb = structure.Blocks[block];
                var act = ActivationAt(phi, bb.Start);
                if (!structure.SelfDependent[block])
                {
                    var span = c.Data.AsSpan(offset * c.Cols, bb.Size * c.Cols);
                    act.Forward<T>(span, span, bb.Size, c.Cols);
                }
                else
                {
                    var local = Slice(c, offset, bb.Size);
                    var sub = SolveSelfLoop(a, bb, ActivationMap.Uniform(act, bb.Size), local, ref iterations);
                    if (sub != SolverStatus.Converged) return Done(x, sub, iterations);
                    Unslice(local, c, offset);
                }
                offset += bb.Size;
            }
            ScatterRows(c, rows, x);
        }
        return Done(x, AllFinite(x) ? SolverStatus.Converged : SolverStatus.NonFinite, iterations, map.ContractionFactor);
    }

    /// <inheritdoc />
    public EquilibriumResult<T> SolveAdjoint<T>(Matrix<T> a, ActivationMap phi, Matrix<T> state, Matrix<T> w, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Square(a, nameof(a));
        Guard.Shape(state, a.Rows, w.Cols, nameof(state));
        Guard.Shape(w, a.Rows, state.Cols, nameof(w));
        var v = new Matrix<T>(a.Rows, w.Cols);
        if (BlockTriangularStructure.Analyze(a, phi) is not { } structure) return Done(v, SolverStatus.NotApplicable, 0);
        int iterations = 0;
        for (int li = structure.Levels.Count - 1; li >= 0; li--)
        {
            var level = structure.Levels[li];
            int[] rows = RowsOf(structure, level);
            var c = new Matrix<T>(rows.Length, v.Cols);
            // (Aᵀ)[rows, :] V = (A[:, rows])ᵀ V: gather the columns, multiply transposed.
            Gemm.Multiply(GatherColumns(a, rows), true, v, false, c, default(AddEpilogue<T>), GatherRows(w, rows));
            int offset = 0;
            foreach (int block in level)
            {
                var bb = structure.Blocks[block];
                var act = ActivationAt(phi, bb.Start);
                var xs = state.Data.AsSpan(bb.Start * state.Cols, bb.Size * state.Cols);
                if (!structure.SelfDependent[block])
                {
                    var span = c.Data.AsSpan(offset * c.Cols, bb.Size * c.Cols);
                    act.Backward<T>(xs, span, span, bb.Size, c.Cols);
                }
                else
                {
                    var local = Slice(c, offset, bb.Size);
                    var x = new Matrix<T>(bb.Size, state.Cols, xs.ToArray());
                    var sub = _blockSolver.SolveAdjoint(GatherBlock(a, bb), ActivationMap.Uniform(act, bb.Size), x, local);
                    iterations += sub.Iterations;
                    if (!sub.IsConverged) return Done(v, sub.Status, iterations);
                    Unslice(sub.State, c, offset);
                }
                offset += bb.Size;
            }
            ScatterRows(c, rows, v);
        }
        return Done(v, AllFinite(v) ? SolverStatus.Converged : SolverStatus.NonFinite, iterations);
    }

    // x_I = φ_I(A_II x_I + c_I), with c_I already in `local`; the solution overwrites it.
    private SolverStatus SolveSelfLoop<T>(Matrix<T> a, BlipBlock bb, ActivationMap activation, Matrix<T> local, ref int iterations)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var act = activation.Segments[0].Activation;
        if (bb.Size == 1 && act is Relu or LeakyRelu or Identity)
            return ScalarClosedForm(a[bb.Start, bb.Start], act, local.Data);
        var sub = _blockSolver.SolveForward(GatherBlock(a, bb), activation, local.Clone());
        iterations += sub.Iterations;
        if (sub.IsConverged) local.CopyFrom(sub.State);
        return sub.Status;
    }

    // x = φ(a·x + c) for piecewise-linear φ(z) = z (z > 0), αz (z ≤ 0). In z = a·x + c each branch is linear:
    // z₊ = c/(1 − a) must be > 0 and z₋ = c/(1 − αa) must be ≤ 0. Exactly one branch is consistent for every c
    // iff (1 − a)(1 − αa) > 0 — for ReLU (α = 0) iff a < 1 (Theorem 2.7); the identity needs only a ≠ 1.
    private static SolverStatus ScalarClosedForm<T>(T a, Activation act, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T one = T.One;
        T alpha = act switch { LeakyRelu leaky => T.CreateTruncating(leaky.Alpha), Identity => one, _ => T.Zero };
        T dPlus = one - a, dMinus = one - alpha * a;
        bool wellPosed = act is Identity ? dPlus != T.Zero : dPlus * dMinus > T.Zero;
        if (!wellPosed) return SolverStatus.IllPosed;
        for (int j = 0; j < c.Length; j++)
        {
            T zPlus = c[j] / dPlus;
            c[j] = zPlus > T.Zero ? zPlus : alpha * (c[j] / dMinus);
        }
        return SolverStatus.Converged;
    }

    private EquilibriumResult<T> Done<T>(Matrix<T> state, SolverStatus status, int iterations, double kappa = double.NaN)
        where T : unmanaged, IFloatingPointIeee754<T> => new()
    {
        State = state,
        Status = status,
        Iterations = iterations,
        Residual = 0,
        ConvergedColumns = status == SolverStatus.Converged ? state.Cols : 0,
        ErrorBound = status == SolverStatus.Converged && !double.IsNaN(kappa) ? 0 : double.NaN,
        ContractionFactor = kappa,
        Solver = Name,
    };

    private static Activation ActivationAt(ActivationMap phi, int row) =>
        phi.Segments.First(s => row >= s.Offset && row < s.Offset + s.Length).Activation;

    private static int[] RowsOf(BlockTriangularStructure s, int[] level) =>
        level.SelectMany(b => Enumerable.Range(s.Blocks[b].Start, s.Blocks[b].Size)).ToArray();

    private static Matrix<T> Slice<T>(Matrix<T> m, int row, int count) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(count, m.Cols, m.Data.AsSpan(row * m.Cols, count * m.Cols).ToArray());

    private static void Unslice<T>(Matrix<T> local, Matrix<T> m, int row) where T : unmanaged, IFloatingPointIeee754<T> =>
        local.Data.CopyTo(m.Data, row * m.Cols);

    private static Matrix<T> GatherRows<T>(Matrix<T> m, int[] rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new Matrix<T>(rows.Length, m.Cols);
        for (int i = 0; i < rows.Length; i++) m.Row(rows[i]).CopyTo(r.Row(i));
        return r;
    }

    private static Matrix<T> GatherColumns<T>(Matrix<T> m, int[] cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new Matrix<T>(m.Rows, cols.Length);
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < cols.Length; j++) r[i, j] = m[i, cols[j]];
        return r;
    }

    private static Matrix<T> GatherBlock<T>(Matrix<T> a, BlipBlock bb) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new Matrix<T>(bb.Size, bb.Size);
        for (int i = 0; i < bb.Size; i++) a.Row(bb.Start + i).Slice(bb.Start, bb.Size).CopyTo(r.Row(i));
        return r;
    }

    private static void ScatterRows<T>(Matrix<T> source, int[] rows, Matrix<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows.Length; i++) source.Row(i).CopyTo(target.Row(rows[i]));
    }

    private static bool AllFinite<T>(Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var v in m.Data) if (!T.IsFinite(v)) return false;
        return true;
    }
}
