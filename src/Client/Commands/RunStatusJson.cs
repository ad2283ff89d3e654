using System.Text.Json.Nodes;
using Idl.Grains.Contracts;

namespace Idl.Client.Commands;

/// <summary>The JSON shape of a run's status in <c>idl runs</c>.</summary>
internal static class RunStatusJson
{
    public static JsonObject Of(RunStatus s, bool withEpochs)
    {
        var o = new JsonObject
        {
            ["run_id"] = s.RunId, ["state"] = s.State.ToString().ToLowerInvariant(), ["epoch"] = s.Epoch, ["step"] = s.Step,
            ["total_steps"] = s.TotalSteps, ["checkpoint_step"] = s.CheckpointStep, ["restarts"] = s.Restarts,
            ["resumed_from_step"] = s.ResumedFromStep, ["shards"] = s.Shards, ["samples"] = s.Samples, ["error"] = s.Error,
        };
        if (s.Epochs.Count > 0)
        {
            var last = s.Epochs[^1];
            o["train_loss"] = last.TrainLoss;
            if (last.TestAccuracy is { } a) o["test_accuracy"] = a;
        }
        if (withEpochs)
            o["epochs"] = new JsonArray(s.Epochs.Select(e => (JsonNode)new JsonObject
            {
                ["epoch"] = e.Epoch, ["train_loss"] = e.TrainLoss, ["test_loss"] = e.TestLoss, ["test_accuracy"] = e.TestAccuracy,
                ["train_seconds"] = e.TrainSeconds,
            }).ToArray());
        return o;
    }

    public static FormattableString Line(RunStatus s) =>
        $"{s.RunId}\t{s.State}\tepoch {s.Epoch}\tstep {s.Step}/{s.TotalSteps}\tshards {s.Shards}\trestarts {s.Restarts}{(s.Error is null ? "" : "\t" + s.Error)}";
}
