namespace Idl.Dashboard.Api;

/// <summary>One line of the runs list.</summary>
/// <param name="Metric">What <paramref name="Best"/> is: test accuracy (highest), test RMSE or test loss (lowest).</param>
/// <param name="Sweep">The sweep this run is a trial of, if any.</param>
public sealed record RunRow(
    string Id, string Data, int Hidden, double Kappa, string State, int Epoch, int Epochs, long Step, long TotalSteps,
    string? Metric, double? Best, DateTime? Started, double? ElapsedSeconds, string Host, int Restarts, string? Sweep);
