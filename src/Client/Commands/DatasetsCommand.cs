using System.CommandLine;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary><c>idl datasets</c>: the built-in data sets and generators.</summary>
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
            foreach (var d in BuiltInDatasets.Catalogue)
            {
                if (output.Json)
                    output.WriteObject(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(d, new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower }))!.AsObject());
                else output.Out.WriteLine(d.ToString());
            }
            if (!output.Json) output.Out.WriteLine("--data forms: " + string.Join(", ", DataSource.Forms));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
