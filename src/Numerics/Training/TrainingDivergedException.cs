namespace Idl.Numerics.Training;

/// <summary>Training produced a non-finite loss or parameter; the message says where and what to change.</summary>
public sealed class TrainingDivergedException(int epoch, int step, string what)
    : Exception($"training diverged at epoch {epoch}, step {step}: {what}. Try a smaller --lr (e.g. a tenth of it); no model was written.")
{
    /// <summary>1-based epoch of the failing step.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>1-based global step number.</summary>
    public int Step { get; } = step;
}
