using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// The block-triangular structure of A up to a simultaneous permutation (Theorems 2.7–2.8, Remarks 2.5–2.6):
/// the φ-blocks of the state ordered so that every block depends only on blocks solved before it.
/// </summary>
/// <remarks>
/// Block I depends on block J ≠ I when A_IJ ≠ 0. The structure exists exactly when this dependency graph is
/// acyclic; its topological levels then give an exact back-substitution order (Remark 2.5), one level at a
/// time. Upper, lower and permuted triangular matrices are all found; self-dependence (a non-zero diagonal
/// block A_II) is allowed and recorded, since such a block still needs a small equilibrium solve.
/// </remarks>
public sealed class BlockTriangularStructure
{
    private BlockTriangularStructure(BlipBlock[] blocks, int[][] levels, bool[] selfDependent)
    {
        Blocks = blocks;
        Levels = levels;
        SelfDependent = selfDependent;
    }

    /// <summary>The φ-blocks (the nodes), in row order.</summary>
    public IReadOnlyList<BlipBlock> Blocks { get; }

    /// <summary>Block indices grouped into levels; a level depends only on earlier levels.</summary>
    public IReadOnlyList<int[]> Levels { get; }

    /// <summary>For each block, whether its diagonal block A_II is non-zero.</summary>
    public IReadOnlyList<bool> SelfDependent { get; }

    /// <summary>Whether every diagonal block is zero: the strictly triangular case, solved in one pass with no iteration.</summary>
    public bool IsStrict => !SelfDependent.Any(s => s);

    /// <summary>Finds the structure of <paramref name="a"/> for <paramref name="phi"/>, or null when the dependency graph has a cycle.</summary>
    public static BlockTriangularStructure? Analyze<T>(Matrix<T> a, ActivationMap phi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Square(a, nameof(a));
        if (a.Rows != phi.Size)
            throw new ArgumentException($"A is {a.Shape} but the activation map covers {phi.Size} rows.", nameof(phi));
        var blocks = phi.Blocks().ToArray();
        int count = blocks.Length;
        var blockOfRow = new int[a.Rows];
        for (int b = 0; b < count; b++)
            for (int r = blocks[b].Start; r < blocks[b].Start + blocks[b].Size; r++) blockOfRow[r] = b;

        var dependsOn = new HashSet<int>[count];
        var selfDependent = new bool[count];
        for (int b = 0; b < count; b++)
        {
            dependsOn[b] = [];
            for (int r = blocks[b].Start; r < blocks[b].Start + blocks[b].Size; r++)
            {
                var row = a.Row(r);
                for (int j = 0; j < row.Length; j++)
                {
                    if (row[j] == T.Zero) continue;
                    int target = blockOfRow[j];
                    if (target == b) selfDependent[b] = true;
                    else dependsOn[b].Add(target);
                }
            }
        }

        // Kahn's algorithm by levels: a block is ready once every block it depends on is solved.
        var remaining = dependsOn.Select(d => d.Count).ToArray();
        var dependents = new List<int>[count];
        for (int b = 0; b < count; b++) dependents[b] = [];
        for (int b = 0; b < count; b++)
            foreach (int d in dependsOn[b]) dependents[d].Add(b);
        var levels = new List<int[]>();
        var ready = Enumerable.Range(0, count).Where(b => remaining[b] == 0).ToList();
        int placed = 0;
        while (ready.Count > 0)
        {
            levels.Add([.. ready]);
            placed += ready.Count;
            var next = new List<int>();
            foreach (int b in ready)
                foreach (int d in dependents[b])
                    if (--remaining[d] == 0) next.Add(d);
            next.Sort();
            ready = next;
        }
        return placed == count ? new BlockTriangularStructure(blocks, [.. levels], selfDependent) : null;
    }
}
