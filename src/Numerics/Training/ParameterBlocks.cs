namespace Idl.Numerics.Training;

/// <summary>Which parameters a gradient step updates; block-coordinate methods (§6.3) freeze the others.</summary>
[Flags]
public enum ParameterBlocks
{
    None = 0,
    A = 1,
    B = 2,
    C = 4,
    D = 8,
    StateBias = 16,
    OutputBias = 32,

    /// <summary>The state equation's parameters (A, B, b).</summary>
    State = A | B | StateBias,

    /// <summary>The read-out's parameters (C, D, c).</summary>
    Readout = C | D | OutputBias,

    All = State | Readout,
}
