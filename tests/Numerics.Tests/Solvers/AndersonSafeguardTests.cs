using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Solvers;

/// <summary>Anderson, with and without its per-column Picard fallback, against plain Picard on a slowly contracting ReLU map.</summary>
public sealed class AndersonSafeguardTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Anderson_SlowNonNegativeContraction_SamePointAsPicardInFewerIterations(bool safeguard)
    {
        // Mostly positive rows with ‖aᵢ‖₁ = 0.98 make λ_PF close to 0.98: Picard needs about 50 iterations.
        const int n = 120;
        var model = TestSupport.Models.Random<double>(n, 10, 3, seed: 5, TestSupport.Models.Map("relu", n), kappa: 0.98, bias: true);
        var rng = new Random(5);
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += Math.Abs(model.A[i, j] = rng.NextDouble() * (rng.NextDouble() < 0.8 ? 1 : -0.5));
            for (int j = 0; j < n; j++) model.A[i, j] *= 0.98 / sum;
        }
        var u = Rand.Matrix<double>(10, 24, seed: 6, scale: 3);
        var bu = model.InputTerm(u);
        var options = new SolverOptions { AbsoluteTolerance = 1e-10, RelativeTolerance = 0, MaxIterations = 3000, ActiveSet = false };
        var picard = new PicardSolver(options).SolveForward(model.A, model.Activation, bu);
        var anderson = new AndersonSolver(options, safeguard: safeguard).SolveForward(model.A, model.Activation, bu);
        Assert.Equal(SolverStatus.Converged, anderson.Status);
        Tol.Close(picard.State, anderson.State, 1e-6);
        Assert.True(TestSupport.Models.FixedPointError(model, u, anderson.State) <= 1e-8);
        Assert.True(2 * anderson.Iterations < picard.Iterations, $"anderson {anderson.Iterations}, picard {picard.Iterations}");
    }
}
