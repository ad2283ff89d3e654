using Idl.Grains.Attacks;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Attacks;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;

namespace Idl.Grains.Tests.Attacks;

[Collection(SharedClusterCollection.Name)]
public sealed class LpAttackGrainTests(SharedCluster fixture)
{
    [Fact]
    public async Task AttackAsync_SlicesOverGrains_AddUpToTheInProcessCounts()
    {
        var rng = new Random(5);
        Matrix<double> M(int r, int c, double scale) => new(r, c, Enumerable.Range(0, r * c).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray());
        var model = new ImplicitModel<double>(M(12, 12, 0.08), M(12, 6, 1), M(3, 12, 1), M(3, 6, 0.2), ActivationMap.Uniform(Relu.Instance, 12));
        string path = Path.Combine(fixture.StorageFolder, $"lp-{Guid.NewGuid():N}.idl");
        Directory.CreateDirectory(fixture.StorageFolder);
        ModelFile.Save(path, model, new ModelMetadata());
        var inputs = M(30, 6, 1).Data;
        var labels = new int[30];
        for (int s = 0; s < 30; s++)
            labels[s] = AttackRunner.ArgMax(model.Predict(new Matrix<double>(6, 1, inputs[(s * 6)..(s * 6 + 6)]), LpAttack.VerificationSolver).Output)[0];
        double[] lower = Enumerable.Repeat(-3.0, 6).ToArray(), upper = Enumerable.Repeat(3.0, 6).ToArray();
        var attack = new LpAttack(0.4);
        var expected = LpAttackSliceRunner.Run(model, attack, inputs, labels, lower, upper, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => fixture.Grains.GetGrain<ILpAttackGrain>($"lp-test/{Guid.NewGuid():N}/{i}")
            .AttackAsync(new LpAttackSlice(path, i * 10, inputs[(i * 60)..(i * 60 + 60)], labels[(i * 10)..(i * 10 + 10)], lower, upper, 0.4, null, true))
            .WaitAsync(TimeSpan.FromSeconds(60))));

        Assert.Equal(30, results.Sum(r => r.Samples));
        Assert.Equal(expected.CleanCorrect, results.Sum(r => r.CleanCorrect));
        Assert.Equal(expected.Flipped, results.Sum(r => r.Flipped));
        Assert.Equal(expected.Certified, results.Sum(r => r.Certified));
        // Labels are the model's own predictions, and ε = 0.4 is wide enough to flip some of them.
        Assert.True(expected.CleanCorrect >= 28 && expected.Flipped > 0, expected.ToString());
    }
}
