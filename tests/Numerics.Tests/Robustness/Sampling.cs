using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Tests.Robustness;

/// <summary>Random inputs inside the uncertainty sets of §4.1 and their equilibria, solved to near round-off.</summary>
internal static class Sampling
{
    private static readonly PicardSolver Tight = new(new SolverOptions { AbsoluteTolerance = 1e-13, RelativeTolerance = 0, MaxIterations = 100_000 });

    /// <summary>m inputs (p×m) around u⁰ with |u − u⁰| ≤ σ and at most k changed entries; every third is a vertex.</summary>
    public static Matrix<double> Inputs(double[] u0, double[] sigma, int m, int seed, int? k = null)
    {
        var rng = new Random(seed);
        int p = u0.Length;
        var u = new Matrix<double>(p, m);
        for (int s = 0; s < m; s++)
        {
            var changed = Enumerable.Range(0, p).OrderBy(_ => rng.Next()).Take(k ?? p).ToHashSet();
            for (int j = 0; j < p; j++)
            {
                double t = s % 3 == 0 ? (rng.Next(2) * 2 - 1) : rng.NextDouble() * 2 - 1;
                u[j, s] = u0[j] + (changed.Contains(j) ? t * sigma[j] : 0);
            }
        }
        return u;
    }

    public static Matrix<double> States(ImplicitModel<double> model, Matrix<double> u) =>
        Tight.SolveForward(model.A, model.Activation, model.InputTerm(u)).EnsureConverged().State;

    public static Matrix<double> Outputs(ImplicitModel<double> model, Matrix<double> u) => model.Output(States(model, u), u);

    public static double[] Vector(int length, int seed, double lo = -1, double hi = 1)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();
    }

    public static Matrix<double> Column(double[] v) => new(v.Length, 1, (double[])v.Clone());

    /// <summary>A 2-state ReLU model small enough to solve by hand: A = [0 .5; .25 0], B = [1; −2], C = [1 −1], D = [.5].</summary>
    public static ImplicitModel<double> HandModel() => new(
        Matrix<double>.FromArray(new[,] { { 0, 0.5 }, { 0.25, 0 } }),
        Matrix<double>.FromArray(new[,] { { 1.0 }, { -2.0 } }),
        Matrix<double>.FromArray(new[,] { { 1.0, -1.0 } }),
        Matrix<double>.FromArray(new[,] { { 0.5 } }),
        Idl.Numerics.Activations.ActivationMap.Uniform(Idl.Numerics.Activations.Relu.Instance, 2));
}
