using Idl.Grains.Contracts;
using Idl.Grains.Sweeps;

namespace Idl.Grains.Tests.Sweeps;

public sealed class SearchSpaceTests
{
    [Fact]
    public void Expand_Grid_IsTheFullProductKappaSlowestSeedFastest()
    {
        var spec = new SweepSpec
        {
            Kappa = ParameterDomain.Of(0.5, 0.9, 0.99), Hidden = ParameterDomain.Of(8, 16), LearningRate = ParameterDomain.Of(1e-3, 1e-2), Seeds = [1, 2],
        };
        var trials = SearchSpace.Expand(spec);
        Assert.Equal(3 * 2 * 2 * 2, trials.Count);
        Assert.Equal(trials.Count, SearchSpace.CountOf(spec));
        Assert.Equal(Enumerable.Range(0, trials.Count), trials.Select(t => t.Index));
        Assert.Equal(new TrialConfig(0, 0.5, 8, 1e-3, 1), trials[0]);
        Assert.Equal(new TrialConfig(1, 0.5, 8, 1e-3, 2), trials[1]);
        Assert.Equal(new TrialConfig(23, 0.99, 16, 1e-2, 2), trials[^1]);
        Assert.Equal(trials.Count, trials.Select(t => (t.Kappa, t.Hidden, t.LearningRate, t.Seed)).Distinct().Count());
    }

    [Fact]
    public void Expand_GridOverARange_Throws()
    {
        var spec = new SweepSpec { Kappa = ParameterDomain.Range(0.5, 0.9) };
        var e = Assert.Throws<ArgumentException>(() => SearchSpace.Expand(spec));
        Assert.Contains("--kappa", e.Message);
    }

    [Fact]
    public void Expand_RandomSameSeed_IsIdenticalAndDifferentSeedDiffers()
    {
        var spec = new SweepSpec
        {
            Search = SearchKind.Random, Samples = 20, SearchSeed = 7, Kappa = ParameterDomain.Range(0.5, 0.99),
            Hidden = ParameterDomain.Of(8, 16, 32), LearningRate = ParameterDomain.Range(1e-4, 1e-1, logScale: true), Seeds = [0, 1, 2],
        };
        var first = SearchSpace.Expand(spec);
        Assert.Equal(first, SearchSpace.Expand(spec));
        Assert.NotEqual(first, SearchSpace.Expand(spec with { SearchSeed = 8 }));
        Assert.Equal(20, first.Count);
        Assert.All(first, t =>
        {
            Assert.InRange(t.Kappa, 0.5, 0.99);
            Assert.Contains(t.Hidden, new[] { 8, 16, 32 });
            Assert.InRange(t.LearningRate, 1e-4, 1e-1);
            Assert.Contains(t.Seed, new[] { 0, 1, 2 });
        });
        Assert.True(first.Select(t => t.LearningRate).Count(lr => lr < 1e-2) >= 5, "log-uniform draws should often fall in the lower decades");
    }

    [Fact]
    public void Expand_RandomHiddenRange_RoundsToWholeStates()
    {
        var spec = new SweepSpec { Search = SearchKind.Random, Samples = 30, Hidden = ParameterDomain.Range(1, 5) };
        Assert.All(SearchSpace.Expand(spec), t => Assert.InRange(t.Hidden, 1, 5));
    }

    [Theory]
    [InlineData("kappa")]
    [InlineData("hidden")]
    [InlineData("lr")]
    public void Validate_EmptyList_NamesTheOption(string option)
    {
        var empty = ParameterDomain.Of();
        var spec = option switch
        {
            "kappa" => new SweepSpec { Kappa = empty },
            "hidden" => new SweepSpec { Hidden = empty },
            _ => new SweepSpec { LearningRate = empty },
        };
        var e = Assert.Throws<ArgumentException>(() => SweepSpecValidator.Validate(spec));
        Assert.Contains("--" + option, e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void Validate_KappaOutsideOpenUnitInterval_NamesTheValue(double kappa)
    {
        var e = Assert.Throws<ArgumentException>(() => SweepSpecValidator.Validate(new SweepSpec { Kappa = ParameterDomain.Of(0.5, kappa) }));
        Assert.Contains("--kappa", e.Message);
        Assert.Contains(kappa.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void Validate_HiddenZero_NamesTheOption()
    {
        var e = Assert.Throws<ArgumentException>(() => SweepSpecValidator.Validate(new SweepSpec { Hidden = ParameterDomain.Of(0) }));
        Assert.Contains("--hidden = 0", e.Message);
    }
}
