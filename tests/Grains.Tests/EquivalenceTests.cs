using Idl.Grains.Contracts;
using Idl.Grains.Coordinator;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Gradients;
using Idl.Numerics.Losses;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Steps;

namespace Idl.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class EquivalenceTests(SharedCluster fixture)
{
    private const int Samples = 300, Hidden = 12;
    private static readonly SolverSettings Exact = new(SolverKind.Picard, 1e-14, 3000);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(7, 3)]
    public async Task ComputeAsync_FullBatch_EqualsSingleProcessGradient(int shards, int silos)
    {
        var train = DataSource.Load("digits", new DataSourceOptions { Count = Samples, LoadTest = false }).Train;
        var model = ModelInitializer.Create<double>(Hidden, train.FeatureCount, train.OutputCount, ActivationMap.Uniform(new Relu(), Hidden), seed: 3);
        new WellPosednessConstraint(0.5).Project(model);
        var expected = SingleProcess(model, train);

        string runId = Runs.NewId("equiv");
        var starts = RunLayout.EvenStarts(Samples, shards);
        var parameters = ModelParameters.From(model, "relu");
        var specs = Enumerable.Range(0, shards).Select(k =>
            new ShardSpec(runId, k, shards, "digits", starts[k], starts[k + 1] - starts[k], 0, Solver: Exact)).ToArray();
        var grains = specs.Select(s => fixture.Grains.GetGrain<IDataShardGrain>(s.Key)).ToArray();
        var parts = await Task.WhenAll(grains.Select((g, k) => g.ComputeAsync(new ShardStepRequest(specs[k], 1, parameters, null))))
            .WaitAsync(TimeSpan.FromSeconds(60));
        var hosts = await Task.WhenAll(grains.Select(g => g.HostAsync())).WaitAsync(TimeSpan.FromSeconds(10));

        var sum = new GradientSum<double>(Hidden, train.FeatureCount, train.OutputCount, true, true);
        foreach (var c in parts.OrderBy(c => c.Shard))
            sum.Add(new GradientView<double>(c.A.ToArray<double>(), c.B.ToArray<double>(), c.C.ToArray<double>(), c.D.ToArray<double>(),
                c.StateBias!.ToArray<double>(), c.OutputBias!.ToArray<double>()), c.Count, c.LossSum);
        double loss = sum.ToMean();

        Assert.Equal(silos, hosts.Distinct().Count());
        Assert.Equal(Samples, sum.Count);
        AssertClose(expected.Loss, [loss]);
        AssertClose(expected.Gradient.A.Data, sum.A.Data);
        AssertClose(expected.Gradient.B.Data, sum.B.Data);
        AssertClose(expected.Gradient.C.Data, sum.C.Data);
        AssertClose(expected.Gradient.D.Data, sum.D.Data);
        AssertClose(expected.Gradient.StateBias!, sum.StateBias!);
        AssertClose(expected.Gradient.OutputBias!, sum.OutputBias!);
    }

    // A root stage over all shards with a small fan-in: (7, 3) sums {0,3,6}, {1,4}, {2,5} in three aggregators under the
    // root one; (5, 2) goes three stages deep. Each stage adds in a different order than the flat sum does.
    [Theory]
    [InlineData(7, 3)]
    [InlineData(5, 2)]
    public async Task AggregateAsync_StagedTree_EqualsSingleProcessGradient(int shards, int fanIn)
    {
        var train = DataSource.Load("digits", new DataSourceOptions { Count = Samples, LoadTest = false }).Train;
        var model = ModelInitializer.Create<double>(Hidden, train.FeatureCount, train.OutputCount, ActivationMap.Uniform(new Relu(), Hidden), seed: 3);
        new WellPosednessConstraint(0.5).Project(model);
        var expected = SingleProcess(model, train);

        string runId = Runs.NewId("staged");
        var starts = RunLayout.EvenStarts(Samples, shards);
        var work = Enumerable.Range(0, shards).Select(k =>
            new ShardWork(new ShardSpec(runId, k, shards, "digits", starts[k], starts[k + 1] - starts[k], 0, Solver: Exact), null)).ToArray();
        var root = AggregationNode.Root(shards);
        var request = new AggregateRequest(root, 1, ModelParameters.From(model, "relu"), work, fanIn);
        var sum = await fixture.Grains.GetGrain<IGradientAggregatorGrain>(root.KeyOf(runId)).AggregateAsync(request).WaitAsync(TimeSpan.FromSeconds(60));
        var again = await fixture.Grains.GetGrain<IGradientAggregatorGrain>(root.KeyOf(runId)).AggregateAsync(request).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((0, 1L, shards, Samples), (sum.Shard, sum.Step, sum.Shards, sum.Count));
        Assert.Equal(sum.A.Bytes, again.A.Bytes);
        AssertClose(expected.Loss, [sum.LossSum / Samples]);
        AssertClose(expected.Gradient.A.Data, Mean(sum.A));
        AssertClose(expected.Gradient.B.Data, Mean(sum.B));
        AssertClose(expected.Gradient.C.Data, Mean(sum.C));
        AssertClose(expected.Gradient.D.Data, Mean(sum.D));
        AssertClose(expected.Gradient.StateBias!, Mean(sum.StateBias!));
        AssertClose(expected.Gradient.OutputBias!, Mean(sum.OutputBias!));
    }

    [Fact]
    public async Task ComputeAsync_SameStepTwice_ReturnsTheFirstAnswer()
    {
        string runId = Runs.NewId("idem");
        var train = DataSource.Load("digits", new DataSourceOptions { Count = 40, LoadTest = false }).Train;
        var model = ModelInitializer.Create<double>(4, train.FeatureCount, train.OutputCount, ActivationMap.Uniform(new Relu(), 4), seed: 1);
        var spec = new ShardSpec(runId, 0, 1, "digits", 0, 40, 0);
        var shard = fixture.Grains.GetGrain<IDataShardGrain>(spec.Key);
        var request = new ShardStepRequest(spec, 5, ModelParameters.From(model, "relu"), [1, 2, 3]);
        var first = await shard.ComputeAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var again = await shard.ComputeAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(first.A.Bytes, again.A.Bytes);
        Assert.Equal(first.Stats, again.Stats);
    }

    [Fact]
    public async Task ComputeAsync_ScaledAfterRawStatistics_EqualsFreshlyLoadedScaledSlice()
    {
        // The shard scales the raw slice it loaded for the statistics instead of reading the source again: the
        // result must be the very bytes of a shard that loads the scaled slice from scratch.
        var train = DataSource.Load("digits", new DataSourceOptions { Count = 60, LoadTest = false }).Train;
        var model = ModelInitializer.Create<double>(5, train.FeatureCount, train.OutputCount, ActivationMap.Uniform(new Relu(), 5), seed: 2);
        var mean = Enumerable.Range(0, train.FeatureCount).Select(j => 0.1 * (j % 7)).ToArray();
        var std = Enumerable.Range(0, train.FeatureCount).Select(j => 1.0 + 0.05 * (j % 5)).ToArray();
        string rescaledRun = Runs.NewId("rescale"), freshRun = Runs.NewId("fresh");
        var raw = new ShardSpec(rescaledRun, 0, 1, "digits", 10, 50, 0);
        var rescaled = fixture.Grains.GetGrain<IDataShardGrain>(raw.Key);
        await rescaled.StatisticsAsync(raw).WaitAsync(TimeSpan.FromSeconds(30));
        await rescaled.PrepareAsync(raw with { ScaleMean = mean, ScaleStd = std }).WaitAsync(TimeSpan.FromSeconds(30));
        var fresh = fixture.Grains.GetGrain<IDataShardGrain>(new ShardSpec(freshRun, 0, 1, "digits", 10, 50, 0).Key);
        var parameters = ModelParameters.From(model, "relu");

        var a = await rescaled.ComputeAsync(new ShardStepRequest(raw with { ScaleMean = mean, ScaleStd = std }, 1, parameters, null))
            .WaitAsync(TimeSpan.FromSeconds(30));
        var b = await fresh.ComputeAsync(new ShardStepRequest(raw with { RunId = freshRun, ScaleMean = mean, ScaleStd = std }, 1, parameters, null))
            .WaitAsync(TimeSpan.FromSeconds(30));
        var plain = raw with { RunId = Runs.NewId("raw") };
        var unscaled = await fixture.Grains.GetGrain<IDataShardGrain>(plain.Key).ComputeAsync(new ShardStepRequest(plain, 1, parameters, null))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(b.A.Bytes, a.A.Bytes);
        Assert.Equal(b.B.Bytes, a.B.Bytes);
        Assert.Equal(b.LossSum, a.LossSum);
        Assert.NotEqual(unscaled.LossSum, a.LossSum);
    }

    private static (double[] Loss, ModelGradient<double> Gradient) SingleProcess(Numerics.Models.ImplicitModel<double> model, Dataset train)
    {
        var solver = Exact.Create();
        var batch = train.Batch<double>(Enumerable.Range(0, train.SampleCount).ToArray());
        var equilibrium = solver.SolveForward(model.A, model.Activation, model.InputTerm(batch.U));
        var output = model.Output(equilibrium.State, batch.U);
        var g = new Matrix<double>(output.Rows, output.Cols);
        double loss = new SoftmaxCrossEntropy(Reduction.Mean).Evaluate(batch.Y, output, g);
        return ([loss], ImplicitDifferentiation.Compute(model, batch.U, equilibrium.State, g, solver));
    }

    private static double[] Mean(MatrixPayload sum) => sum.ToArray<double>().Select(v => v / Samples).ToArray();

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs), error = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(error <= 1e-10 * Math.Max(scale, 1e-300), $"max |difference| {error:E3} against max |entry| {scale:E3}");
    }
}
