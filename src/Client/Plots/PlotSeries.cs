namespace Idl.Client.Plots;

/// <summary>One named series of a panel: a line through (X, Y), or separate points when <paramref name="Points"/>.</summary>
internal sealed record PlotSeries(string Label, double[] X, double[] Y, bool Points = false);
