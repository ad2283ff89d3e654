using Idl.Grains.Attacks;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Attacks;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;

namespace Idl.Grains.Tests.Attacks;

/// <summary>Two silos of their own: a test kills one, which no other collection may see. The client gives up on an
/// ordinary call after one second, far less than a slice takes.</summary>
public sealed class LpAttackKillCluster() : ClusterFixture(2)
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(1);

    protected override TimeSpan? ClientResponseTimeout => ResponseTimeout;
}

[CollectionDefinition(Name)]
public sealed class LpAttackKillCollection : ICollectionFixture<LpAttackKillCluster>
{
    public const string Name = "lp attack kill cluster";
}

[Collection(LpAttackKillCollection.Name)]
public sealed class LpAttackFailoverTests(LpAttackKillCluster fixture)
{
    /// <summary>A slice of a large model outlasts the cluster's response timeout: it must not be taken for lost and
    /// sent again (four times, then failed), as it was when the attack call had the ordinary timeout.</summary>
    [Fact]
    public async Task SendAsync_SliceLongerThanTheResponseTimeout_CompletesWithoutResend()
    {
        var (slice, expected) = Slice(samples: 1500);
        int retries = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await LpAttackDispatch.SendAsync(fixture.Grains, $"lp-long/{Guid.NewGuid():N}", 0, slice, (_, _) => Interlocked.Increment(ref retries), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(150));

        Assert.True(clock.Elapsed > 2 * LpAttackKillCluster.ResponseTimeout, $"the slice took {clock.Elapsed}, proving nothing; make it longer");
        Assert.Equal(0, retries);
        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task SendAsync_SiloKilledMidSlice_SliceIsResentAndCountsOnce()
    {
        // Long enough (about 5x the time a silo kill takes to land here) that the kill always falls inside the slice.
        var (slice, expected) = Slice(samples: 1500);

        // A run whose first grain lives on the secondary silo, so that killing its silo leaves the primary.
        string primary = fixture.Cluster.Silos[0].SiloAddress.ToString(), run = "", host = primary;
        for (int t = 0; t < 20 && host == primary; t++)
        {
            run = $"lp-kill/{Guid.NewGuid():N}";
            host = await fixture.Grains.GetGrain<ILpAttackGrain>(LpAttackDispatch.KeyOf(run, 0, 1)).HostAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        Assert.NotEqual(primary, host);
        int retries = 0;
        var sent = LpAttackDispatch.SendAsync(fixture.Grains, run, 0, slice, (_, _) => Interlocked.Increment(ref retries), CancellationToken.None);
        await Task.Delay(150);
        Assert.False(sent.IsCompleted, "the slice finished before the kill; make it longer");
        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == host)).WaitAsync(TimeSpan.FromSeconds(30));
        var result = await sent.WaitAsync(TimeSpan.FromSeconds(150));

        Assert.True(retries >= 1);
        Assert.Equal(expected, result);
    }

    // A slice of random samples labelled by the model itself, saved where the silos read it, and its in-process result.
    private (LpAttackSlice Slice, LpAttackSliceResult Expected) Slice(int samples)
    {
        var rng = new Random(9);
        Matrix<double> M(int r, int c, double scale) => new(r, c, Enumerable.Range(0, r * c).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray());
        var model = new ImplicitModel<double>(M(30, 30, 0.03), M(30, 64, 0.3), M(3, 30, 1), M(3, 64, 0.05), ActivationMap.Uniform(Relu.Instance, 30));
        Directory.CreateDirectory(fixture.StorageFolder);
        string path = Path.Combine(fixture.StorageFolder, $"kill-{Guid.NewGuid():N}.idl");
        ModelFile.Save(path, model, new ModelMetadata());
        var inputs = M(samples, 64, 1).Data;
        var labels = new int[samples];
        for (int s = 0; s < samples; s++)
            labels[s] = AttackRunner.ArgMax(model.Predict(new Matrix<double>(64, 1, inputs[(s * 64)..(s * 64 + 64)]), LpAttack.VerificationSolver).Output)[0];
        double[] lower = Enumerable.Repeat(-3.0, 64).ToArray(), upper = Enumerable.Repeat(3.0, 64).ToArray();
        var slice = new LpAttackSlice(path, 0, inputs, labels, lower, upper, 0.3, null, true);
        return (slice, LpAttackSliceRunner.Run(model, new LpAttack(0.3), inputs, labels, lower, upper, CancellationToken.None));
    }
}
