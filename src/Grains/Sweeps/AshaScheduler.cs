using Idl.Grains.Contracts;

namespace Idl.Grains.Sweeps;

/// <summary>
/// Asynchronous successive halving (Li et al. 2018, "A System for Massively Parallel Hyperparameter Tuning"), in its
/// stopping form. Rungs sit at epochs r, r·η, r·η², … strictly below the maximum R (a trial that reaches R has
/// completed). When a trial reports its metric (lower is better) at a rung, it joins that rung's record and is
/// ranked among the trials that have reported there <em>so far</em>: it continues only if its rank is within the
/// top ⌊k/η⌋ of those k trials (at least one, so the first to arrive always continues); otherwise it stops.
/// Decisions are never revisited. Pure: no clocks, no Orleans; the sweep grain persists <see cref="Entries"/>.
/// </summary>
public sealed class AshaScheduler
{
    private readonly Dictionary<int, List<RungEntry>> _rungs = [];
    private readonly List<RungEntry> _entries = [];

    /// <summary>A scheduler with reduction factor <paramref name="eta"/> ≥ 2, minimum resource
    /// <paramref name="minEpochs"/> ≥ 1 and maximum resource <paramref name="maxEpochs"/> ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public AshaScheduler(int eta, int minEpochs, int maxEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eta, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        (Eta, MinEpochs, MaxEpochs) = (eta, minEpochs, maxEpochs);
        var rungs = new List<int>();
        for (long r = minEpochs; r < maxEpochs; r *= eta) rungs.Add((int)r);
        Rungs = rungs;
    }

    /// <summary>η.</summary>
    public int Eta { get; }

    /// <summary>r, in epochs.</summary>
    public int MinEpochs { get; }

    /// <summary>R, in epochs.</summary>
    public int MaxEpochs { get; }

    /// <summary>The rung epochs r·η^k &lt; R, ascending.</summary>
    public IReadOnlyList<int> Rungs { get; }

    /// <summary>Every decision so far, in the order made.</summary>
    public IReadOnlyList<RungEntry> Entries => _entries;

    /// <summary>A scheduler that has made <paramref name="entries"/> (as persisted) already.</summary>
    public static AshaScheduler Restore(int eta, int minEpochs, int maxEpochs, IEnumerable<RungEntry> entries)
    {
        var scheduler = new AshaScheduler(eta, minEpochs, maxEpochs);
        foreach (var e in entries) scheduler.Record(e);
        return scheduler;
    }

    /// <summary>Whether <paramref name="epoch"/> is a rung.</summary>
    public bool IsRung(int epoch) => Rungs.Contains(epoch);

    /// <summary>
    /// Records that <paramref name="trial"/> reached <paramref name="epoch"/> with <paramref name="metric"/> and says
    /// whether it continues. Epochs that are not rungs always continue; a second report of the same (trial, rung)
    /// returns the first decision. A metric that is NaN or infinite stops the trial.
    /// </summary>
    public bool Report(int trial, int epoch, double metric)
    {
        if (!IsRung(epoch)) return true;
        var rung = _rungs.GetValueOrDefault(epoch);
        if (rung?.FirstOrDefault(e => e.Trial == trial) is { } earlier) return earlier.Continue;
        int k = (rung?.Count ?? 0) + 1;
        bool keep = double.IsFinite(metric) && RankOf(rung, metric) <= Math.Max(1, k / Eta);
        Record(new RungEntry(epoch, trial, metric, keep));
        return keep;
    }

    /// <summary>The number of trials recorded at rung <paramref name="epoch"/>.</summary>
    public int CountAt(int epoch) => _rungs.GetValueOrDefault(epoch)?.Count ?? 0;

    // 1-based rank among the rung's earlier reports; ties go to the newcomer (only strictly better ones count).
    private static int RankOf(List<RungEntry>? rung, double metric) => 1 + (rung?.Count(e => e.Metric < metric) ?? 0);

    private void Record(RungEntry entry)
    {
        if (!_rungs.TryGetValue(entry.Epoch, out var rung)) _rungs[entry.Epoch] = rung = [];
        rung.Add(entry);
        _entries.Add(entry);
    }
}
