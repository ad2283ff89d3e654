using Idl.Client.Output;

namespace Idl.Client.Plots;

/// <summary>The PNG of <c>idl train --plot</c>: written at the end of a run, at the size <c>idl plot</c> uses by default.</summary>
internal static class PlotFiles
{
    public const int Width = 1200;
    public const int Height = 800;

    public static void Write(string path, IReadOnlyList<PlotPanel> panels, CliOutput output)
    {
        PngPlotter.Save(path, panels, Width, Height);
        output.Info($"plot written to {path}");
    }
}
