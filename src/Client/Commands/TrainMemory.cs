using System.Globalization;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary>
/// The large allocations of one <c>idl train</c> run on this machine, estimated from the options and the data's
/// shape before anything is loaded: the parameters A (n×n), B (n×p), C (q×n), D (q×p) with their gradient sums and
/// optimizer state (two Adam moments, or one momentum), the loaded data (float32), the per-batch state matrices of the
/// solves, and the warm-start caches. Each item names the options that drive it.
/// </summary>
internal static class TrainMemory
{
    /// <summary>Copies of the parameters alive at the peak besides the optimizer's: the parameters, the step's
    /// gradient, the gradient sum, and the temporaries of initialisation and of the previous step until the GC
    /// reclaims them. Measured (2026-12-06): peak resident memory of <c>idl train --data digits --hidden 8000 --limit
    /// 128</c> is 7.1 copies of A with Adam and 5.6 with SGD momentum. A copy more is the best model --patience keeps.</summary>
    internal const int ParameterCopies = 5;

    /// <summary>Further copies of the parameters when the run trains on an embedded silo (<c>--shards</c>): the
    /// coordinator's model and checkpoint, the shards' copies, the contributions and the serialized messages and
    /// stored state. Measured (2026-12-07, peak resident memory of <c>idl train --data digits --epochs 1 --limit 128
    /// --hidden 2000|4000 --shards 1|2|4</c> against the same run without <c>--shards</c>): 17–21 copies of A more,
    /// whatever the shard count.</summary>
    internal const int EmbeddedSiloCopies = 21;

    /// <summary>n×b matrices alive during a step: the state X, the input term BU + b, the solver's iterate and
    /// residual, the adjoint V and its iterate.</summary>
    internal const int StateMatrices = 6;

    /// <summary>Samples per evaluation batch (<see cref="Evaluation"/>): the states after each epoch are at least this wide.</summary>
    internal const int EvaluationBatch = 1024;

    /// <summary>One allocation: what it is, its size in bytes, and the options that drive it (the first one is the
    /// one to name in an error).</summary>
    internal sealed record Item(string What, double Bytes, string[] Options);

    /// <summary>The items of a run with settings <paramref name="s"/> on data of shape <paramref name="data"/>;
    /// terms whose size only loading would tell are left out.</summary>
    /// <param name="embeddedSilo">Whether the run trains on an embedded silo (<c>--shards</c> without <c>--cluster</c>).</param>
    public static IReadOnlyList<Item> Estimate(TrainSettings s, DataShape data, bool embeddedSilo = false)
    {
        double e = s.Precision == Idl.Numerics.Precision.Float64 ? sizeof(double) : sizeof(float);
        double n = s.Hidden, p = data.Features ?? 0, q = data.Outputs ?? 1;
        int copies = ParameterCopies + (s.Training.Optimizer == OptimizerKind.Adam ? 2 : 1) + (s.Training.EarlyStoppingPatience is null ? 0 : 1);
        string state = s.Training.Optimizer == OptimizerKind.Adam ? "Adam moments" : "momentum";
        var items = new List<Item>
        {
            new($"A ({s.Hidden}x{s.Hidden}) in {copies} copies (parameters, gradients, {state}, temporaries)", copies * n * n * e, ["--hidden"]),
        };
        if (embeddedSilo)
            items.Add(new($"the embedded silo's {EmbeddedSiloCopies} further copies of the parameters (coordinator, checkpoint, shards, messages)",
                EmbeddedSiloCopies * (n * n + n * p + q * n + q * p) * e, ["--hidden", "--shards"]));
        if (data.Features is not null)
            items.Add(new($"B, C, D ({s.Hidden}x{data.Features}, {q}x{s.Hidden}, {q}x{data.Features}) in {copies} copies",
                copies * (n * p + q * n + q * p) * e, ["--hidden", "--data"]));
        if (data.Samples is { } samples)
        {
            if (data.Features is not null)
                items.Add(new($"the data ({samples} training and {data.TestSamples} test samples of {data.Features} features, float32)",
                    (samples + data.TestSamples) * (p + q) * sizeof(float), ["--limit", "--data"]));
            double width = Math.Min(Math.Max(s.Training.BatchSize, EvaluationBatch), samples + data.TestSamples);
            items.Add(new($"the solver's {StateMatrices} state matrices of {s.Hidden}x{width}", StateMatrices * n * width * e, ["--hidden", "--batch"]));
            double cache = 2 * samples * n * e;
            if (s.Training.WarmStart && cache <= s.Training.WarmStartMemoryLimit)
                items.Add(new($"the warm-start caches of states and adjoints ({samples}x{s.Hidden} each)", cache, ["--warm-start", "--hidden", "--limit"]));
        }
        return items;
    }

    /// <summary>Refuses a run whose items add up to more than <paramref name="availableBytes"/>, naming the largest
    /// item's first option with its value, every item with its options, and the memory available.</summary>
    /// <exception cref="UsageException">The run would not fit.</exception>
    public static void Check(IReadOnlyList<Item> items, long availableBytes, Func<string, object?> valueOf)
    {
        double needed = items.Sum(i => i.Bytes);
        if (needed <= availableBytes) return;
        var largest = items.MaxBy(i => i.Bytes)!;
        string parts = string.Join("; ", items.OrderByDescending(i => i.Bytes)
            .Select(i => $"{i.What} {TrainPreflight.Bytes(i.Bytes)} ({string.Join(", ", i.Options)})"));
        throw UsageException.For(largest.Options[0], valueOf(largest.Options[0]), string.Create(CultureInfo.InvariantCulture,
            $"the run needs about {TrainPreflight.Bytes(needed)} but {TrainPreflight.Bytes(availableBytes)} of memory are available: {parts}; lower {string.Join(" or ", largest.Options)}"));
    }
}
