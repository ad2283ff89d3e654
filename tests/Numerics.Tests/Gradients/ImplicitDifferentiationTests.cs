using Idl.Numerics.Gradients;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Gradients;

public sealed class ImplicitDifferentiationTests
{
    private const double Step = 1e-6;
    private static readonly SolverOptions Tight = new() { AbsoluteTolerance = 1e-15, RelativeTolerance = 1e-15, MaxIterations = 5000 };

    public static TheoryData<string> Activations => TestSupport.Models.ActivationNames();

    [Theory]
    [MemberData(nameof(Activations))]
    public void Compute_SquaredLoss_MatchesCentralDifferences(string activation) =>
        CheckAgainstFiniteDifferences(activation, new SquaredLoss(), seed: 1);

    [Theory]
    [MemberData(nameof(Activations))]
    public void Compute_CrossEntropy_MatchesCentralDifferences(string activation) =>
        CheckAgainstFiniteDifferences(activation, new SoftmaxCrossEntropy(Reduction.Mean), seed: 2);

    [Theory]
    [InlineData("picard")]
    [InlineData("anderson")]
    public void Compute_EitherIterativeSolver_GivesSameGradient(string name)
    {
        IEquilibriumSolver solver = name == "picard" ? new PicardSolver(Tight) : new AndersonSolver(Tight);
        var model = TestSupport.Models.Random<double>(9, 4, 3, seed: 3, kappa: 0.9);
        var u = Rand.Matrix<double>(4, 6, seed: 4);
        var y = Rand.Matrix<double>(3, 6, seed: 5);
        var reference = Gradient(model, u, y, new SquaredLoss(), new PicardSolver(Tight));
        var other = Gradient(model, u, y, new SquaredLoss(), solver);
        Assert.True(other.Adjoint.IsConverged);
        Tol.Close(reference.A, other.A, 1e-11);
        Tol.Close(reference.B, other.B, 1e-11);
    }

    private static ModelGradient<double> Gradient(ImplicitModel<double> model, Matrix<double> u, Matrix<double> y, ILoss loss, IEquilibriumSolver solver)
    {
        var prediction = model.Predict(u, solver);
        var g = new Matrix<double>(y.Rows, y.Cols);
        loss.Evaluate(y, prediction.Output, g);
        return ImplicitDifferentiation.Compute(model, u, prediction.State, g, solver, withInputGradient: true);
    }

    private static void CheckAgainstFiniteDifferences(string activation, ILoss loss, int seed)
    {
        const int n = 9, p = 4, q = 3, m = 5;
        var model = TestSupport.Models.Random<double>(n, p, q, seed, TestSupport.Models.Map(activation, n), kappa: 0.6, bias: true);
        var u = Rand.Matrix<double>(p, m, seed + 10, scale: 2);
        var y = OneHotOrDistribution(q, m, seed + 20);
        var solver = new PicardSolver(Tight);
        var grad = Gradient(model, u, y, loss, solver);
        Assert.True(grad.Adjoint.IsConverged, grad.Adjoint.Message);

        double Loss() => loss.Evaluate(y, model.Predict(u, solver).EnsureConvergedOutput());
        AssertGradient("A", model.A.Data, grad.A.Data, Loss);
        AssertGradient("B", model.B.Data, grad.B.Data, Loss);
        AssertGradient("C", model.C.Data, grad.C.Data, Loss);
        AssertGradient("D", model.D.Data, grad.D.Data, Loss);
        AssertGradient("b", model.StateBias!, grad.StateBias!, Loss);
        AssertGradient("c", model.OutputBias!, grad.OutputBias!, Loss);
        AssertGradient("U", u.Data, grad.Input!.Data, Loss);
    }

    private static void AssertGradient(string name, double[] parameter, double[] analytic, Func<double> loss)
    {
        var numeric = new double[parameter.Length];
        for (int i = 0; i < parameter.Length; i++)
        {
            double saved = parameter[i];
            parameter[i] = saved + Step;
            double plus = loss();
            parameter[i] = saved - Step;
            double minus = loss();
            parameter[i] = saved;
            numeric[i] = (plus - minus) / (2 * Step);
        }
        double scale = Math.Max(numeric.Max(Math.Abs), 1e-3);
        double error = numeric.Zip(analytic, (a, b) => Math.Abs(a - b)).Max() / scale;
        Assert.True(error <= 1e-6, $"∇{name}: relative error {error:E2} against central differences");
    }

    private static Matrix<double> OneHotOrDistribution(int q, int m, int seed)
    {
        var rng = new Random(seed);
        var y = new Matrix<double>(q, m);
        for (int j = 0; j < m; j++) y[rng.Next(q), j] = 1;
        return y;
    }
}

internal static class PredictionTestExtensions
{
    public static Matrix<double> EnsureConvergedOutput(this Prediction<double> p)
    {
        p.Equilibrium.EnsureConverged();
        return p.Output;
    }
}
