using System.CommandLine;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary><c>idl datasets</c>: the built-in data sets and generators, as a table or one JSON object each.</summary>
internal static class DatasetsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per data set on stdout." };
        var command = new Command("datasets", "List the data sets that need no download, and the accepted --data forms.");
        command.Options.Add(json);
        command.SetAction((parse, _) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            var catalogue = BuiltInDatasets.Catalogue;
            if (output.Json)
            {
                foreach (var d in catalogue) output.WriteObject(Json(d));
                return Task.FromResult(ExitCodes.Success);
            }
            string[] header = ["data", "task", "samples", "features", "outputs", "description"];
            var rows = catalogue.Select(d => new[]
            {
                d.Name, d.Task.ToString().ToLowerInvariant(), d.Samples, d.Features.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Outputs.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Description,
            }).ToList();
            var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
            output.Out.WriteLine(Row(header, widths));
            foreach (var row in rows) output.Out.WriteLine(Row(row, widths));
            output.Out.WriteLine();
            foreach (var d in catalogue) output.Out.WriteLine($"{d.Name}: {d.Licence}");
            output.Out.WriteLine();
            output.Out.WriteLine("--data forms: " + string.Join(", ", DataSource.Forms));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static JsonObject Json(DatasetInfo d) => new()
    {
        ["name"] = d.Name, ["task"] = d.Task.ToString().ToLowerInvariant(), ["samples"] = d.Samples, ["features"] = d.Features,
        ["outputs"] = d.Outputs, ["description"] = d.Description, ["licence"] = d.Licence,
    };

    // The last column is left unpadded so that long descriptions do not leave trailing blanks.
    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
}
