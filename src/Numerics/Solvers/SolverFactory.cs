using System.Globalization;

namespace Idl.Numerics.Solvers;

/// <summary>Names, parsing and construction of the <see cref="SolverKind"/>s: the one place a solver name becomes a solver.</summary>
public static class SolverFactory
{
    /// <summary>The names <see cref="Parse"/> accepts, for messages.</summary>
    public const string Accepted = "picard, anderson or triangular";

    /// <summary>The configured solver of kind <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static IEquilibriumSolver Create(SolverKind kind, SolverOptions options) => kind switch
    {
        SolverKind.Picard => new PicardSolver(options),
        SolverKind.Anderson => new AndersonSolver(options),
        SolverKind.Triangular => new TriangularSolver(options),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown solver kind."),
    };

    /// <summary>The lower-case name of <paramref name="kind"/> (as <c>--solver</c> and the model file spell it).</summary>
    public static string Name(SolverKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a solver name, case-insensitively.</summary>
    /// <exception cref="FormatException">The name is not one of <see cref="Accepted"/>; the message names it.</exception>
    public static SolverKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown solver '{name}': expected {Accepted}."));

    /// <summary>Parses a solver name, case-insensitively; false for anything else (numbers included).</summary>
    public static bool TryParse(string? name, out SolverKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(name) || char.IsDigit(name.Trim()[0]) || name.Trim()[0] == '-') return false;
        return Enum.TryParse(name.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }
}
