namespace Idl.Grains.Contracts;

/// <summary>How a sweep turns its parameter domains into trials.</summary>
[GenerateSerializer, Alias("idl.SearchKind")]
public enum SearchKind
{
    /// <summary>Every combination of the listed values, κ slowest, seed fastest.</summary>
    Grid,

    /// <summary>A fixed number of independent draws, deterministic for the search seed.</summary>
    Random,
}
