using Idl.Grains.Sweeps;
using static Idl.Grains.Sweeps.AshaDecision;

namespace Idl.Grains.Tests.Sweeps;

/// <summary>ASHA's decisions do not depend on the order in which results arrive: every arrival order, concurrency and
/// pattern of waits gives the decisions of trials arriving one at a time in index order.</summary>
public sealed class AshaSchedulerOrderTests
{
    [Fact]
    public void Report_FiveTrialsAtOneRungInEveryArrivalOrder_MakeTheSameDecisions()
    {
        double[] metrics = [0.5, 0.3, 0.4, 0.1, 0.2];
        // In index order with η = 3 (top max(1, ⌊k/3⌋) = 1 for k ≤ 5): a trial continues iff it beats every lower index.
        bool[] expected = [true, true, false, true, false];
        int orders = 0;
        foreach (var order in Permutations([0, 1, 2, 3, 4]))
        {
            var asha = new AshaScheduler(eta: 3, minEpochs: 1, maxEpochs: 3);
            var waiting = new List<int>();
            foreach (int arrival in order)
            {
                if (asha.Report(arrival, 1, metrics[arrival]) == Wait) waiting.Add(arrival);
                // Like the sweep's next tick: every waiting trial asks again.
                waiting.RemoveAll(t => asha.Report(t, 1, metrics[t]) != Wait);
            }
            Assert.Empty(waiting);
            Assert.Equal(expected, Enumerable.Range(0, 5).Select(t => asha.DecisionAt(t, 1)!.Continue));
            orders++;
        }
        Assert.Equal(120, orders);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(14)]
    public void Report_RandomInterleavingsAtAnyConcurrencyWithDeadTrials_MatchIndexOrderAsha(int concurrency)
    {
        int[] rungs = [1, 3];
        var metrics = Enumerable.Range(0, 14).Select(i => new[] { (i * 37 % 11) / 10.0, (i * 53 % 13) / 10.0 }).ToArray();
        metrics[5][0] = double.NaN;
        // Trial 4 dies after rung 1 (if it continues), trial 9 before it reaches any rung.
        var deaths = new Dictionary<int, int> { [4] = 1, [9] = 0 };
        var expected = Sequential(metrics, rungs, deaths, eta: 3);
        Assert.Contains(expected, e => !e.Continue);
        Assert.Contains(expected, e => e.Continue && e.Epoch == 3);
        int waits = 0;
        for (int seed = 0; seed < 50; seed++)
        {
            var (entries, waited) = Interleave(metrics, rungs, deaths, concurrency, new Random(seed));
            Assert.Equal(expected, entries.OrderBy(e => e.Epoch).ThenBy(e => e.Trial));
            waits += waited;
        }
        if (concurrency > 1) Assert.True(waits > 0, "the interleavings should make some trial wait");
    }

    // The sweep's loop in miniature: trials start in index order as slots free up, a random running trial moves next
    // (reports its rung, or asks again while it waits), a waiting trial keeps its slot, a dead trial ends.
    private static (List<RungEntry> Entries, int Waits) Interleave(double[][] metrics, int[] rungs, Dictionary<int, int> deaths, int concurrency, Random random)
    {
        var asha = new AshaScheduler(3, 1, 9);
        var (cursor, waiting, running) = (new int[metrics.Length], new bool[metrics.Length], new List<int>());
        var (started, finished, waits) = (0, 0, 0);
        for (int moves = 0; finished < metrics.Length; moves++)
        {
            Assert.True(moves < 100_000, "the trials should all finish");
            while (running.Count < concurrency && started < metrics.Length) running.Add(started++);
            int t = running[random.Next(running.Count)];
            bool done;
            if (!waiting[t] && deaths.TryGetValue(t, out int before) && cursor[t] == before) done = true;
            else
            {
                var decision = asha.Report(t, rungs[cursor[t]], metrics[t][cursor[t]]);
                if (decision == Wait && !waiting[t]) waits++;
                waiting[t] = decision == Wait;
                done = decision == Stop || (decision == Continue && ++cursor[t] == rungs.Length);
            }
            if (!done) continue;
            asha.End(t);
            running.Remove(t);
            finished++;
        }
        Assert.DoesNotContain(asha.Entries, e => e.Pending);
        return ([.. asha.Entries], waits);
    }

    // The reference: ASHA's stopping rule with results arriving one at a time in index order (concurrency 1).
    private static List<RungEntry> Sequential(double[][] metrics, int[] rungs, Dictionary<int, int> deaths, int eta)
    {
        var reports = rungs.ToDictionary(r => r, _ => new List<double>());
        var entries = new List<RungEntry>();
        for (int t = 0; t < metrics.Length; t++)
            for (int b = 0; b < rungs.Length && !(deaths.TryGetValue(t, out int before) && before == b); b++)
            {
                var earlier = reports[rungs[b]];
                double m = metrics[t][b];
                var (rank, k) = (1 + earlier.Count(x => double.IsFinite(x) && x < m), earlier.Count + 1);
                bool keep = double.IsFinite(m) && rank <= Math.Max(1, k / eta);
                earlier.Add(m);
                entries.Add(new RungEntry(rungs[b], t, m, keep, rank, k));
                if (!keep) break;
            }
        return [.. entries.OrderBy(e => e.Epoch).ThenBy(e => e.Trial)];
    }

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1 ? [items]
        : items.SelectMany(x => Permutations(items.Where(y => y != x).ToArray()).Select(rest => (int[])[x, .. rest]));
}
