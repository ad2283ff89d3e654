namespace Idl.Grains.Sweeps;

/// <summary>Span attributes of the "sweep" and "trial" spans (ActivitySource "Idl.Training").</summary>
public static class SweepTags
{
    public const string SweepId = "idl.sweep_id";
    public const string TrialIndex = "idl.trial";
    public const string Kappa = "idl.kappa";
    public const string Hidden = "idl.hidden";
    public const string LearningRate = "idl.lr";
}
