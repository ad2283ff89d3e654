namespace Idl.Dashboard.Api;

/// <summary>One line of the sweeps list.</summary>
public sealed record SweepRow(string Id, string State, int Trials, int Finished, string Metric, double? Best, double WallSeconds);
