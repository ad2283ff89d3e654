using System.Text.Json.Nodes;
using Idl.Numerics.Training;

namespace Idl.Client.Output;

/// <summary>The JSON objects the commands print; field names are part of the command-line contract.</summary>
internal static class Reports
{
    public static JsonObject Epoch(EpochReport r, int? runShards = null)
    {
        var o = new JsonObject
        {
            ["epoch"] = r.Epoch,
            ["train_loss"] = Round(r.TrainLoss),
            ["test_loss"] = r.TestLoss is { } tl ? Round(tl) : null,
        };
        if (r.TestAccuracy is { } acc) o["test_accuracy"] = Round(acc);
        if (r.TestRmse is { } rmse) o["test_rmse"] = Round(rmse);
        if (r.ValidationLoss is { } vl) o["validation_loss"] = Round(vl);
        o["samples_per_second"] = Math.Round(r.SamplesPerSecond, 1);
        o["train_seconds"] = Math.Round(r.TrainSeconds, 3);
        o["forward_iterations_mean"] = Math.Round(r.ForwardIterationsMean, 2);
        o["backward_iterations_mean"] = Math.Round(r.BackwardIterationsMean, 2);
        o["non_converged_solves"] = r.NonConvergedSolves;
        o["inf_norm_A"] = Round(r.InfNormA);
        o["learning_rate"] = r.LearningRate;
        if (r.PhaseSeconds.Count > 0)
            o["phase_seconds"] = new JsonObject(r.PhaseSeconds.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 3))));
        if (r.Phase != "gradient") o["phase"] = r.Phase;
        if (runShards is { } s) o["shards"] = s;
        return o;
    }

    public static double Round(double v) => double.IsFinite(v) ? Math.Round(v, 6) : v;

    /// <summary>Rounds down to 6 decimals: the printed lower end of a certified interval must not exceed the true one.</summary>
    public static double RoundDown(double v) => double.IsFinite(v) ? Math.Floor(v * 1e6) / 1e6 : v;

    /// <summary>Rounds up to 6 decimals: the printed upper end of a certified interval must not fall below the true one.</summary>
    public static double RoundUp(double v) => double.IsFinite(v) ? Math.Ceiling(v * 1e6) / 1e6 : v;
}
