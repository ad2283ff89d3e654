using Idl.Grains.Contracts;
using Idl.Grains.Coordinator;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Gradients;
using Idl.Numerics.Losses;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Steps;

namespace Idl.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class PrecisionTests(SharedCluster fixture)
{
    private const int Samples = 120, Hidden = 10;

    [Fact]
    public async Task ComputeAsync_Float32Parameters_EqualsSingleProcessFloat32Gradient()
    {
        var train = DataSource.Load("digits", new DataSourceOptions { Count = Samples, LoadTest = false }).Train;
        var model = ModelInitializer.Create<float>(Hidden, train.FeatureCount, train.OutputCount, ActivationMap.Uniform(new Relu(), Hidden), seed: 3);
        new WellPosednessConstraint(0.5).Project(model);
        var solver = new SolverSettings(Numerics.Solvers.SolverKind.Picard, 1e-6, 3000);
        var batch = train.Batch<float>(Enumerable.Range(0, Samples).ToArray());
        // The single process's step on the whole batch: the shard must run exactly it, in float32, on its loaded slice.
        var expected = new TrainingStep<float>(train.Task, solver.Kind, solver.Options, solver.Options).Compute(model, batch, Samples).Gradient;

        var spec = new ShardSpec(Runs.NewId("f32"), 0, 1, "digits", 0, Samples, 0, Solver: solver);
        var part = await fixture.Grains.GetGrain<IDataShardGrain>(spec.Key)
            .ComputeAsync(new ShardStepRequest(spec, 1, ModelParameters.From(model, "relu"), null)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(PayloadElement.Float32, part.A.Element);
        Assert.Equal(Samples, part.Count);
        AssertClose(expected.A.Data, part.A.ToArray<float>());
        AssertClose(expected.B.Data, part.B.ToArray<float>());
        AssertClose(expected.C.Data, part.C.ToArray<float>());
        AssertClose(expected.D.Data, part.D.ToArray<float>());
    }

    [Fact]
    public async Task StartAsync_Float32Run_TrainsAndKeepsFloat32Parameters()
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 16, Epochs = 2, BatchSize = 64, Kappa = 0.95, Shards = 2, Limit = 512, Precision = Numerics.Precision.Float32 };
        string runId = Runs.NewId("f32run");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        var status = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));
        var parameters = await run.ParametersAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, status.Epochs.Count);
        Assert.Equal(PayloadElement.Float32, parameters!.A.Element);
        Assert.True(status.Epochs[^1].TestAccuracy > 0.5, $"accuracy {status.Epochs[^1].TestAccuracy:F4}");
        Assert.All(status.Epochs, e => Assert.True(e.InfNormA <= 0.95 + 1e-5));
    }

    [Fact]
    public void Validate_UnknownPrecision_NamesTheOption()
    {
        var e = Assert.Throws<ArgumentException>(() => RunSpecValidator.Validate(new RunSpec { Precision = (Numerics.Precision)7 }));
        Assert.Contains("--precision", e.Message);
    }

    // Same float32 operations on both sides; only the summation order inside the kernels may differ.
    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(v => Math.Abs((double)v)), error = expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
        Assert.True(error <= 1e-5 * Math.Max(scale, 1e-30), $"max |difference| {error:E3} against max |entry| {scale:E3}");
    }
}
