using System.CommandLine;
using Idl.Numerics;

namespace Idl.Client.Commands;

/// <summary><c>--precision</c>, shared by <c>idl train</c> and <c>idl sweep</c> so that a sweep's trials run in the
/// same arithmetic, by default, as the training run a user would start by hand.</summary>
internal static class PrecisionOption
{
    public static Option<string> Create() =>
        new("--precision") { Description = "float32 or float64.", DefaultValueFactory = _ => "float32" };

    /// <exception cref="UsageException">The value is neither float32 nor float64.</exception>
    public static Precision Parse(string? value) => value switch
    {
        "float32" => Precision.Float32,
        "float64" => Precision.Float64,
        var other => throw UsageException.For("--precision", other, "must be float32 or float64"),
    };
}
