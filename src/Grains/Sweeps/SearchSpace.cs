using Idl.Grains.Contracts;

namespace Idl.Grains.Sweeps;

/// <summary>
/// Turns a sweep's parameter domains into trials. Grid: every combination of the listed values, κ varying slowest
/// and the seed fastest (size = product of the list lengths). Random: <see cref="SweepSpec.Samples"/> independent
/// draws — a list value uniformly, a range uniformly or log-uniformly, n rounded to an integer, the seed from
/// <see cref="SweepSpec.Seeds"/> — from SplitMix64 seeded with <see cref="SweepSpec.SearchSeed"/>, so the same seed
/// gives the same trials on every machine.
/// </summary>
public static class SearchSpace
{
    /// <summary>The trials of <paramref name="spec"/>, indexed from 0.</summary>
    /// <exception cref="ArgumentException">A grid over a range, or an empty list.</exception>
    public static IReadOnlyList<TrialConfig> Expand(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Seeds.Length == 0) throw new ArgumentException("--seed must list at least one seed.");
        return spec.Search == SearchKind.Grid ? Grid(spec) : Random(spec);
    }

    /// <summary>The number of trials <see cref="Expand"/> returns, without building them.</summary>
    public static long CountOf(SweepSpec spec) => spec.Search == SearchKind.Random ? spec.Samples
        : (long)spec.Kappa.Values.Length * spec.Hidden.Values.Length * spec.LearningRate.Values.Length * spec.Seeds.Length;

    private static List<TrialConfig> Grid(SweepSpec spec)
    {
        foreach (var (name, domain) in Domains(spec))
            if (domain.IsRange) throw new ArgumentException($"--{name} {domain}: a range needs --search random; a grid needs a list of values.");
        var trials = new List<TrialConfig>();
        foreach (double kappa in spec.Kappa.Values)
            foreach (double hidden in spec.Hidden.Values)
                foreach (double lr in spec.LearningRate.Values)
                    foreach (int seed in spec.Seeds)
                        trials.Add(new TrialConfig(trials.Count, kappa, (int)hidden, lr, seed));
        return trials;
    }

    private static List<TrialConfig> Random(SweepSpec spec)
    {
        var random = new SplitMix64(spec.SearchSeed);
        var trials = new List<TrialConfig>(spec.Samples);
        for (int i = 0; i < spec.Samples; i++)
        {
            double kappa = Draw(spec.Kappa, random);
            int hidden = Math.Max(1, (int)Math.Round(Draw(spec.Hidden, random)));
            double lr = Draw(spec.LearningRate, random);
            int seed = spec.Seeds[random.Below(spec.Seeds.Length)];
            trials.Add(new TrialConfig(i, kappa, hidden, lr, seed));
        }
        return trials;
    }

    private static double Draw(ParameterDomain d, SplitMix64 random)
    {
        if (!d.IsRange) return d.Values[random.Below(d.Values.Length)];
        double u = random.NextDouble();
        return d.LogScale ? Math.Exp(Math.Log(d.Min) + u * (Math.Log(d.Max) - Math.Log(d.Min))) : d.Min + u * (d.Max - d.Min);
    }

    private static (string Name, ParameterDomain Domain)[] Domains(SweepSpec spec) =>
        [("kappa", spec.Kappa), ("hidden", spec.Hidden), ("lr", spec.LearningRate)];

    // SplitMix64 (System.Random promises no sequence across .NET versions).
    private sealed class SplitMix64(int seed)
    {
        private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

        public ulong Next()
        {
            ulong z = _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        public int Below(int n) => (int)(Next() % (ulong)n);
    }
}
