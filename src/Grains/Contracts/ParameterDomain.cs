using System.Globalization;

namespace Idl.Grains.Contracts;

/// <summary>
/// The values one hyper-parameter may take in a sweep: a list (<see cref="Values"/> non-empty; grid and random
/// search) or a range [<see cref="Min"/>, <see cref="Max"/>] (random search only), sampled uniformly or, with
/// <see cref="LogScale"/>, log-uniformly.
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.ParameterDomain")]
public sealed record ParameterDomain(
    [property: Id(0)] double[] Values,
    [property: Id(1)] double Min = 0,
    [property: Id(2)] double Max = 0,
    [property: Id(3)] bool LogScale = false)
{
    /// <summary>Whether this is a range rather than a list.</summary>
    public bool IsRange => Values.Length == 0;

    /// <summary>A list of values.</summary>
    public static ParameterDomain Of(params double[] values) => new(values);

    /// <summary>A range [min, max].</summary>
    public static ParameterDomain Range(double min, double max, bool logScale = false) => new([], min, max, logScale);

    /// <summary>The list, or "min:max" (with a trailing "log" for log scale).</summary>
    public override string ToString() => IsRange
        ? string.Create(CultureInfo.InvariantCulture, $"{Min:R}:{Max:R}{(LogScale ? ":log" : "")}")
        : string.Join(',', Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
