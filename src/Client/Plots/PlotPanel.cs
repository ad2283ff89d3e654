namespace Idl.Client.Plots;

/// <summary>One chart of a figure; <paramref name="Markers"/> are x positions drawn as vertical lines (restarts).</summary>
internal sealed record PlotPanel(string Title, string XLabel, string YLabel, IReadOnlyList<PlotSeries> Series, IReadOnlyList<double>? Markers = null);
