using System.Globalization;
using System.Text;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Idl.Grains.Transfer;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Data.Preparation;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training;

namespace Idl.Grains.Tests;

/// <summary>
/// Whole runs on the cluster against the single-process trainer (issue 8): for every option the cluster honours, the
/// parameters after every step of a run on 1, 3 and 7 shards equal the single process's in float64, and so do the test
/// metrics, which also checks that both paths hold out, scale and evaluate the same samples.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class RunEquivalenceTests(SharedCluster fixture)
{
    // Tight enough that where a shard's columns stop no longer depends on which other columns share its solve.
    private static readonly SolverSettings Exact = new(SolverKind.Picard, 1e-13, 3000);

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string option in new[] { "adam-cosine", "sgd-penalties", "no-bias-warm", "csv-hold-out", "csv-regression" })
            foreach (int shards in new[] { 1, 3, 7 })
                data.Add(option, shards);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StartAsync_EveryClusterOption_EqualsSingleProcessParametersAndMetrics(string option, int shards)
    {
        var spec = Spec(option) with { Shards = shards };
        var expected = SingleProcess(spec);

        string runId = Runs.NewId("runeq");
        await Runs.StartAsync(fixture.Grains, runId, spec, TimeSpan.FromSeconds(60));
        var status = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        var parameters = await fixture.Grains.FetchAsync((await run.ParametersAsync().WaitAsync(TimeSpan.FromSeconds(30)))!, cancellationToken: default)
            .WaitAsync(TimeSpan.FromSeconds(30));
        var actual = parameters.ToModel<double>();

        AssertClose(expected.Model.A.Data, actual.A.Data, "A");
        AssertClose(expected.Model.B.Data, actual.B.Data, "B");
        AssertClose(expected.Model.C.Data, actual.C.Data, "C");
        AssertClose(expected.Model.D.Data, actual.D.Data, "D");
        Assert.Equal(expected.Model.StateBias is null, actual.StateBias is null);
        if (expected.Model.StateBias is { } b) AssertClose(b, actual.StateBias!, "b");
        if (expected.Model.OutputBias is { } c) AssertClose(c, actual.OutputBias!, "c");
        var (last, mine) = (expected.Last, status.Epochs[^1]);
        Assert.Equal(expected.TrainSamples, status.Samples);
        AssertClose([last.TestLoss!.Value], [mine.TestLoss!.Value], "test loss");
        if (last.TestRmse is { } rmse) AssertClose([rmse], [mine.TestRmse!.Value], "test RMSE");
        if (last.TestAccuracy is { } accuracy) Assert.Equal(accuracy, mine.TestAccuracy!.Value, 12);
        AssertClose([last.TrainLoss], [mine.TrainLoss], "train loss");
    }

    private static RunSpec Spec(string option)
    {
        var common = new RunSpec { DataSpec = "digits", Limit = 210, Hidden = 8, Epochs = 2, BatchSize = 50, Kappa = 0.9, Seed = 5, Solver = Exact };
        return option switch
        {
            "adam-cosine" => common with { Schedule = "cosine", LearningRate = 1e-2 },
            "sgd-penalties" => common with
            {
                Optimizer = OptimizerKind.Sgd, Momentum = 0.5, LearningRate = 0.05, Schedule = "step:1:0.5",
                L1 = 1e-3, FeatureSelection = 1e-2, Robustness = 1e-2,
            },
            "no-bias-warm" => common with { Bias = false, WarmStart = true, Activation = "leaky_relu(0.1)" },
            "csv-hold-out" => common with { DataSpec = "csv:" + Csv(regression: false), Limit = null, Standardize = "features", HoldOut = 0.25 },
            "csv-regression" => common with
            {
                DataSpec = "csv:" + Csv(regression: true), Limit = null, Read = new DataRead(Task: DataTask.Regression), Activation = "tanh",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(option), option, null),
        };
    }

    private static (ImplicitModel<double> Model, EpochReport Last, int TrainSamples) SingleProcess(RunSpec spec)
    {
        var loaded = DataSource.Load(spec.DataSpec, (spec.Read?.ToReading() ?? new DataReading()).ToOptions(spec.Seed, count: spec.Limit));
        var data = DataPreparation.Prepare(loaded, spec.DataSpec, spec.Standardize, 0, spec.Seed, spec.HoldOut);
        var options = spec.Options();
        var model = ModelInitializer.Create<double>(spec.Hidden, data.Train.FeatureCount, data.Train.OutputCount,
            ActivationMap.Uniform(ActivationParser.Parse(spec.Activation), spec.Hidden), spec.Seed, spec.Bias);
        var trainer = new ProjectedGradientTrainer<double>(model, data.Train, options) { TargetScaling = data.TargetScaling };
        EpochReport? last = null;
        for (int epoch = 1; epoch <= options.Epochs; epoch++) last = trainer.TrainEpoch(epoch, test: data.Test);
        return (model, last!, data.Train.SampleCount);
    }

    // A 3-class (or real-valued) target of 6 features with a header, no test part: the hold-out rule decides.
    private static string Csv(bool regression)
    {
        string path = Path.Combine(Path.GetTempPath(), $"idl-runeq-{(regression ? "reg" : "cls")}-{Environment.ProcessId}.csv");
        if (File.Exists(path)) return path;
        var rng = new Random(11);
        var text = new StringBuilder("f0,f1,f2,f3,f4,f5,y\n");
        for (int i = 0; i < 230; i++)
        {
            var x = Enumerable.Range(0, 6).Select(j => 10 * j + rng.NextDouble() * (j + 1)).ToArray();
            double y = regression ? 1000 + 50 * Math.Sin(x[0]) + 3 * x[1] : (int)(x[2] * 7) % 3;
            text.Append(string.Join(',', x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))
                .Append(',').Append(y.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static void AssertClose(double[] expected, double[] actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs), error = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(error <= 1e-10 * Math.Max(scale, 1e-300), $"{name}: max |difference| {error:E3} against max |entry| {scale:E3}");
    }
}
