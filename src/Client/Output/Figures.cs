using ScottPlot;

namespace Idl.Client.Output;

/// <summary>PNG figures of idl analyze and idl attack, drawn with ScottPlot 5.</summary>
internal static class Figures
{
    /// <summary>A heatmap of <paramref name="values"/> (rows × cols) with a colour bar.</summary>
    public static void Heatmap(string path, double[,] values, string title)
    {
        var plot = new Plot();
        var map = plot.Add.Heatmap(values);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(map);
        plot.Title(title);
        plot.Axes.SquareUnits();
        plot.SavePng(path, 640, 560);
    }

    /// <summary>An image in grey with the <paramref name="changed"/> pixels marked in red.</summary>
    public static void MarkedImage(string path, double[,] image, bool[,] changed, string title)
    {
        var plot = new Plot();
        var map = plot.Add.Heatmap(image);
        map.Colormap = new ScottPlot.Colormaps.Grayscale();
        int rows = image.GetLength(0), cols = image.GetLength(1);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (changed[r, c])
                {
                    // Row 0 of a heatmap is drawn at the top, with cells centred on whole coordinates.
                    xs.Add(c);
                    ys.Add(rows - 1 - r);
                }
        if (xs.Count > 0) plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.OpenSquare, 6, Colors.Red);
        plot.Title(title);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.SavePng(path, 420, 420);
    }

    /// <summary>Reshapes a length-p vector to a square image when p is a perfect square, else to one row.</summary>
    public static T[,] Square<T>(IReadOnlyList<T> v)
    {
        int side = (int)Math.Round(Math.Sqrt(v.Count));
        (int rows, int cols) = side * side == v.Count ? (side, side) : (1, v.Count);
        var m = new T[rows, cols];
        for (int k = 0; k < v.Count; k++) m[k / cols, k % cols] = v[k];
        return m;
    }
}
