namespace Idl.Grains.Sweeps;

/// <summary>
/// Asynchronous successive halving (Li et al. 2018, "A System for Massively Parallel Hyperparameter Tuning"), in its
/// stopping form, with decisions that do not depend on the order in which results arrive. Rungs sit at epochs r,
/// r·η, r·η², … strictly below the maximum R (a trial that reaches R has completed). Trials are indexed 0, 1, 2, …
/// without gaps.
/// <para>The rule: trial i at rung ρ is ranked (lower metric is better; only strictly better metrics count, so a tie
/// goes to trial i) among the trials j &lt; i that reached ρ, plus itself. With k of them it continues iff its metric
/// is finite and its rank ≤ max(1, ⌊k/η⌋); otherwise it stops. That is what ASHA decides when the trials arrive in
/// index order one at a time, so every concurrency gets the decisions of a sweep run with concurrency 1.</para>
/// <para>Why it is order-independent: (i, ρ) is decided only once every j &lt; i is resolved at ρ — it reported a
/// metric there, or it never will (it stopped at a lower rung, or it ended) — so the set ranked against and its
/// metrics are fixed by then, and no later arrival changes them. Whether j reaches ρ depends in turn only on j's
/// decisions at lower rungs, which by induction on the index depend only on results of trials ≤ j. So every decision
/// is a function of the metrics per (trial, rung) and of which rungs an ended trial had reported, never of timing;
/// and decisions are never revisited. Until (i, ρ) is decidable <see cref="Report"/> answers
/// <see cref="AshaDecision.Wait"/>.</para>
/// <para>Why waits end: trial 0 never waits, and neither does the lowest-index trial that is not finished (every
/// trial below it is resolved at every rung). So when trials start in index order, some trial always makes progress
/// even if every waiting trial keeps its concurrency slot; a wait lasts until the lower trials have trained up to
/// the rung, stopped or failed, which their own epochs and retry limits bound.</para>
/// <para>Pure: no clocks, no Orleans. The sweep grain persists <see cref="Entries"/> and the trials that ended.</para>
/// </summary>
public sealed class AshaScheduler
{
    private readonly Dictionary<(int Trial, int Epoch), double> _reported = [];
    private readonly Dictionary<(int Trial, int Epoch), RungEntry> _decided = [];
    private readonly HashSet<int> _ended = [];
    private readonly List<RungEntry> _decisions = [];

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

    /// <summary>Every decision in the order made, then every report still waiting for its decision
    /// (<see cref="RungEntry.Pending"/>) by rung and trial: all that <see cref="Restore"/> needs.</summary>
    public IReadOnlyList<RungEntry> Entries =>
    [
        .. _decisions,
        .. _reported.Where(r => !_decided.ContainsKey(r.Key)).OrderBy(r => r.Key.Epoch).ThenBy(r => r.Key.Trial)
            .Select(r => new RungEntry(r.Key.Epoch, r.Key.Trial, r.Value, Continue: false, Pending: true)),
    ];

    /// <summary>A scheduler that has seen <paramref name="entries"/> (as persisted) and whose trials
    /// <paramref name="ended"/> will report nothing more.</summary>
    public static AshaScheduler Restore(int eta, int minEpochs, int maxEpochs, IEnumerable<RungEntry> entries, IEnumerable<int>? ended = null)
    {
        var scheduler = new AshaScheduler(eta, minEpochs, maxEpochs);
        foreach (var e in entries)
        {
            scheduler._reported.TryAdd((e.Trial, e.Epoch), e.Metric);
            if (!e.Pending && scheduler._decided.TryAdd((e.Trial, e.Epoch), e)) scheduler._decisions.Add(e);
        }
        foreach (int trial in ended ?? []) scheduler._ended.Add(trial);
        return scheduler;
    }

    /// <summary>Whether <paramref name="epoch"/> is a rung.</summary>
    public bool IsRung(int epoch) => Rungs.Contains(epoch);

    /// <summary>
    /// Records that <paramref name="trial"/> reached <paramref name="epoch"/> with <paramref name="metric"/> and says
    /// whether it continues, stops, or must wait and report again later. Epochs that are not rungs always continue;
    /// for a (trial, rung) already reported, the first metric counts and a decision once made is returned again. A
    /// metric that is NaN or infinite stops the trial.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trial has ended, or reports a rung without having continued
    /// past the rung below.</exception>
    public AshaDecision Report(int trial, int epoch, double metric)
    {
        if (!IsRung(epoch)) return AshaDecision.Continue;
        if (_decided.TryGetValue((trial, epoch), out var earlier)) return earlier.Continue ? AshaDecision.Continue : AshaDecision.Stop;
        if (!_reported.ContainsKey((trial, epoch)))
        {
            if (_ended.Contains(trial)) throw new InvalidOperationException($"Trial {trial} has ended; it cannot report rung epoch {epoch}.");
            int index = IndexOf(epoch);
            if (index > 0 && !(_decided.TryGetValue((trial, Rungs[index - 1]), out var below) && below.Continue))
                throw new InvalidOperationException($"Trial {trial} reported rung epoch {epoch} before it continued past rung epoch {Rungs[index - 1]}.");
            _reported[(trial, epoch)] = metric;
        }
        return TryDecide(trial, epoch);
    }

    /// <summary>Says that <paramref name="trial"/> will report nothing more (it finished, failed or was cancelled),
    /// so trials with larger indices stop waiting for it at the rungs it has not reported.</summary>
    public void End(int trial) => _ended.Add(trial);

    /// <summary>The decision made for <paramref name="trial"/> at rung <paramref name="epoch"/>, if any.</summary>
    public RungEntry? DecisionAt(int trial, int epoch) => _decided.GetValueOrDefault((trial, epoch));

    /// <summary>The number of trials that have reported at rung <paramref name="epoch"/>.</summary>
    public int CountAt(int epoch) => _reported.Keys.Count(k => k.Epoch == epoch);

    private AshaDecision TryDecide(int trial, int epoch)
    {
        double mine = _reported[(trial, epoch)];
        int peers = 1, rank = 1;
        for (int j = 0; j < trial; j++)
        {
            if (_reported.TryGetValue((j, epoch), out double theirs))
            {
                peers++;
                if (double.IsFinite(theirs) && theirs < mine) rank++;
            }
            else if (!NeverReaches(j, epoch)) return AshaDecision.Wait;
        }
        bool keep = double.IsFinite(mine) && rank <= Math.Max(1, peers / Eta);
        var entry = new RungEntry(epoch, trial, mine, keep, rank, peers);
        _decided[(trial, epoch)] = entry;
        _decisions.Add(entry);
        return keep ? AshaDecision.Continue : AshaDecision.Stop;
    }

    // Called only for a trial that has not reported at the rung: it never will if it ended, or stopped below it.
    private bool NeverReaches(int trial, int epoch)
    {
        if (_ended.Contains(trial)) return true;
        for (int i = 0; i < Rungs.Count && Rungs[i] < epoch; i++)
            if (_decided.TryGetValue((trial, Rungs[i]), out var d) && !d.Continue) return true;
        return false;
    }

    private int IndexOf(int epoch)
    {
        for (int i = 0; i < Rungs.Count; i++)
            if (Rungs[i] == epoch) return i;
        return -1;
    }
}
