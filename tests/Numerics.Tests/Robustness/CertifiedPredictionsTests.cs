using Idl.Numerics.Data;
using Idl.Numerics.Robustness;
using Idl.Numerics.Solvers;

using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Robustness;

public sealed class CertifiedPredictionsTests
{
    private static readonly PicardSolver Tight = new(new SolverOptions { AbsoluteTolerance = 1e-13, RelativeTolerance = 0, MaxIterations = 100_000 });

    private static Dataset Blobs(int m, int p, int q, int seed)
    {
        var rng = new Random(seed);
        var inputs = new float[m * p];
        var labels = new int[m];
        for (int s = 0; s < m; s++)
        {
            labels[s] = s % q;
            for (int j = 0; j < p; j++) inputs[s * p + j] = (float)(rng.NextDouble() * 2 - 1);
        }
        return Dataset.ForClassification("blobs", inputs, p, labels, q);
    }

    [Fact]
    public void Run_CertifiedSamples_NoSampledInputInTheBoxChangesTheirClass()
    {
        var model = TestModels.Random<double>(8, 5, 3, seed: 17, kappa: 0.8, bias: true);
        var data = Blobs(60, 5, 3, seed: 4);
        var sigma = Enumerable.Repeat(0.02, 5).ToArray();
        var report = CertifiedPredictions.Run(model, data, sigma, Tight);
        Assert.InRange(report.Certified, 1, data.SampleCount - 1);
        int checkedSamples = 0;
        var batch = data.Batch<double>(Enumerable.Range(0, data.SampleCount).ToArray());
        var y0 = Sampling.Outputs(model, batch.U);
        var s = SensitivityMatrix.Compute(model);
        var delta = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 5).Sum(j => s[i, j] * sigma[j])).ToArray();
        for (int c = 0; c < data.SampleCount; c++)
        {
            int top = ArgMax(y0, c);
            bool proven = Enumerable.Range(0, 3).Where(i => i != top).All(i => y0[top, c] - delta[top] > y0[i, c] + delta[i]);
            if (!proven) continue;
            checkedSamples++;
            var u0 = Enumerable.Range(0, 5).Select(j => batch.U[j, c]).ToArray();
            var y = Sampling.Outputs(model, Sampling.Inputs(u0, sigma, 150, seed: c));
            for (int k = 0; k < y.Cols; k++) Assert.Equal(top, ArgMax(y, k));
        }
        Assert.Equal(report.Certified, checkedSamples);
    }

    [Fact]
    public void Run_ZeroRadius_CertifiesEveryPredictionAndCountsAccuracy()
    {
        var model = TestModels.Random<double>(6, 4, 3, seed: 3, kappa: 0.5);
        var data = Blobs(30, 4, 3, seed: 9);
        var report = CertifiedPredictions.Run(model, data, new double[4], Tight);
        Assert.Equal(30, report.Certified);
        Assert.Equal(report.Correct, report.CertifiedCorrect);
        Assert.Equal(0, report.MeanOutputBound);
    }

    [Fact]
    public void Run_LargerRadius_CertifiesNoMore()
    {
        var model = TestModels.Random<double>(6, 4, 3, seed: 5, kappa: 0.7);
        var data = Blobs(50, 4, 3, seed: 2);
        int previous = int.MaxValue;
        foreach (double r in new[] { 0.0, 0.01, 0.05, 0.2, 1.0 })
        {
            var report = CertifiedPredictions.Run(model, data, Enumerable.Repeat(r, 4).ToArray(), Tight);
            Assert.True(report.Certified <= previous, $"radius {r}: {report.Certified} certified after {previous}");
            previous = report.Certified;
        }
    }

    private static int ArgMax(Matrix<double> y, int c)
    {
        int top = 0;
        for (int i = 1; i < y.Rows; i++)
            if (y[i, c] > y[top, c]) top = i;
        return top;
    }
}
