using ScottPlot;

namespace Idl.Client.Plots;

/// <summary>Renders panels as one PNG with ScottPlot: a grid of two columns.</summary>
internal static class PngPlotter
{
    /// <summary>Writes <paramref name="panels"/> to <paramref name="path"/> (created or replaced) at the given size in pixels.</summary>
    /// <exception cref="ArgumentException">No panels, or a size below 100 pixels.</exception>
    public static void Save(string path, IReadOnlyList<PlotPanel> panels, int width, int height)
    {
        if (panels.Count == 0) throw new ArgumentException("There is nothing to plot: no epochs or trials yet.", nameof(panels));
        if (width < 100 || height < 100) throw new ArgumentException($"A plot of {width}×{height} pixels is too small: give at least 100×100.");
        int columns = Math.Min(2, panels.Count), rows = (panels.Count + columns - 1) / columns;
        var figure = new Multiplot();
        figure.AddPlots(panels.Count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (int i = 0; i < panels.Count; i++) Draw(figure.GetPlot(i), panels[i]);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        figure.SavePng(path, width, height);
    }

    private static void Draw(Plot plot, PlotPanel panel)
    {
        plot.Title(panel.Title);
        plot.XLabel(panel.XLabel);
        plot.YLabel(panel.YLabel);
        foreach (var s in panel.Series)
        {
            var scatter = plot.Add.Scatter(s.X, s.Y);
            scatter.LegendText = s.Label;
            scatter.MarkerSize = s.Points || s.X.Length <= 30 ? 6 : 0;
            scatter.LineWidth = s.Points ? 0 : 2;
        }
        foreach (double x in panel.Markers ?? [])
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "restart";
        }
        if (panel.Series.Count > 1 || panel.Markers is { Count: > 0 }) plot.ShowLegend();
    }
}
