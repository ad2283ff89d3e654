using Idl.Numerics.Activations;
using Idl.Numerics.Compression;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Tests.Robustness;
using Idl.Numerics.Tests.TestSupport;
using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Compression;

public sealed class CompressionTests
{
    [Fact]
    public void UnusedInputs_ZeroColumnsOfBAndD_AreReportedAndIgnoredByPredictions()
    {
        var model = TestModels.Random<double>(6, 5, 2, 1, bias: true);
        foreach (int j in new[] { 1, 3 })
        {
            for (int i = 0; i < 6; i++) model.B[i, j] = 0;
            for (int i = 0; i < 2; i++) model.D[i, j] = 0;
        }
        Assert.Equal([1, 3], FeatureSelection.UnusedInputs(model));
        var u = Rand.Matrix<double>(5, 20, 2);
        var v = u.Clone();
        for (int s = 0; s < 20; s++) (v[1, s], v[3, s]) = (v[1, s] + 5, -7);
        Tol.Close(Sampling.Outputs(model, u), Sampling.Outputs(model, v), 1e-12);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    [InlineData("mixed")]
    public void DropDeadStates_UnreadAndConstantStates_SmallerModelWithIdenticalPredictions(string activation)
    {
        var model = TestModels.Random<double>(10, 4, 3, 5, TestModels.Map(activation, 10), kappa: 0.5, bias: true);
        for (int k = 0; k < 10; k++) model.A[k, 2] = 0;
        for (int k = 0; k < 3; k++) model.C[k, 2] = 0;
        model.A.Row(5).Clear();
        model.B.Row(5).Clear();
        var (small, kept) = DimensionReduction.DropDeadStates(model);
        Assert.Equal(8, small.StateSize);
        Assert.DoesNotContain(2, kept);
        Assert.DoesNotContain(5, kept);
        var u = Rand.Matrix<double>(4, 30, 6);
        Tol.Close(Sampling.Outputs(model, u), Sampling.Outputs(small, u), 1e-10);
    }

    [Fact]
    public void DropDeadStates_NothingDead_ReturnsTheSameSize()
    {
        var model = TestModels.Random<double>(6, 3, 2, 9);
        Assert.Equal(6, DimensionReduction.DropDeadStates(model).Model.StateSize);
    }

    [Fact]
    public void FromSvd_FullRank_ReproducesTheModel()
    {
        var model = TestModels.Random<double>(9, 4, 3, 11, kappa: 0.7, bias: true);
        var low = LowRankModel.FromSvd(model, 9);
        Tol.Close(model.A, low.Model.A, 1e-12);
        var u = Rand.Matrix<double>(4, 25, 12);
        var p = low.Predict(u, 1e-12);
        Assert.True(p.Equilibrium.IsConverged);
        Tol.Close(Sampling.Outputs(model, u), p.Output, 1e-9);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Predict_LowRank_EqualsTheDenseModelOfLRt_AndTheorem51Holds(int rank)
    {
        var model = TestModels.Random<double>(12, 4, 3, 13, kappa: 0.8, bias: true);
        var low = LowRankModel.FromSvd(model, rank);
        var u = Rand.Matrix<double>(4, 40, 14, 2);
        var p = low.Predict(u, 1e-12);
        Assert.True(p.Equilibrium.IsConverged, p.Equilibrium.Status.ToString());
        var dense = Sampling.States(low.Model, u);
        Tol.Close(dense, p.State, 1e-9);
        var bound = ModelErrorBound.State(model.A, low.Model.A, dense);
        var x = Sampling.States(model, u);
        for (int k = 0; k < x.Length; k++) Assert.True(Math.Abs(x.Data[k] - dense.Data[k]) <= bound.Data[k] + 1e-10);
        Assert.True(double.IsFinite(low.WellPosedness().Upper));
    }

    [Fact]
    public void Prune_HandModel_SensitivityKeepsTheEntryThatMattersMore()
    {
        // w = |A|ᵀw + |C|ᵀ1 gives w = (1.25/.875, .5·1.25/.875 + 1); with x̄ = (1, .1) the score of A₁₂ is w₁·.5·.1 ≈ .071
        // and of A₂₁ is w₂·.25·1 ≈ .43, so the sensitivity keeps A₂₁ where the magnitude keeps A₁₂.
        var model = Sampling.HandModel();
        var scores = Pruning.Scores(model, PruningCriterion.Sensitivity, [1, 0.1]);
        double w1 = 1.25 / 0.875, w2 = 0.5 * w1 + 1;
        Tol.Close(w1 * 0.5 * 0.1, scores[1], 1e-10, "score A12");
        Tol.Close(w2 * 0.25, scores[2], 1e-10, "score A21");
        var bySensitivity = Pruning.Prune(model, 0.75, PruningCriterion.Sensitivity, [1, 0.1]);
        var byMagnitude = Pruning.Prune(model, 0.75, PruningCriterion.Magnitude);
        Assert.Equal(0.25, bySensitivity.A[1, 0]);
        Assert.Equal(0.0, bySensitivity.A[0, 1]);
        Assert.Equal(0.5, byMagnitude.A[0, 1]);
        Assert.Equal(0.0, byMagnitude.A[1, 0]);
    }

    [Fact]
    public void Prune_HalfOfA_ZeroesExactlyHalfAndLeavesTheSourceUntouched()
    {
        var model = TestModels.Random<double>(8, 3, 2, 15);
        var before = model.A.Clone();
        var pruned = Pruning.Prune(model, 0.5, PruningCriterion.Magnitude);
        Assert.Equal(32, pruned.A.Data.Count(v => v == 0));
        double kept = pruned.A.Data.Where(v => v != 0).Min(Math.Abs), dropped = before.Data.Where((v, k) => pruned.A.Data[k] == 0).Max(Math.Abs);
        Assert.True(kept >= dropped);
        Tol.Close(before, model.A, 0);
    }
}
