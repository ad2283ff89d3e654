using System.Text.Json.Nodes;
using Idl.Grains.Contracts;
using Idl.Numerics.Training;

namespace Idl.Client.Plots;

/// <summary>The per-epoch numbers a figure plots, from a local run, a cluster run or a JSON log line.</summary>
internal sealed record EpochPoint(int Epoch, double TrainLoss, double? TestLoss, double? TestAccuracy, double? TestRmse)
{
    public static EpochPoint From(EpochReport r) => new(r.Epoch, r.TrainLoss, r.TestLoss, r.TestAccuracy, r.TestRmse);

    public static EpochPoint From(EpochSummary e) => new(e.Epoch, e.TrainLoss, e.TestLoss, e.TestAccuracy, e.TestRmse);

    /// <summary>An epoch line of <c>idl train --json</c> (one with "epoch" and "train_loss"), or null for any other line.</summary>
    public static EpochPoint? From(JsonObject line) =>
        line["epoch"] is JsonValue epoch && line["train_loss"] is JsonValue loss && line["final"] is null
            ? new(epoch.GetValue<int>(), loss.GetValue<double>(), Number(line, "test_loss"), Number(line, "test_accuracy"), Number(line, "test_rmse"))
            : null;

    private static double? Number(JsonObject line, string name) => line[name] is JsonValue v ? v.GetValue<double>() : null;
}
