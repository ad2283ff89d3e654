using System.CommandLine;
using Idl.Client.Commands;
using Idl.Grains.Data;
using Idl.Numerics.Data;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;

namespace Idl.Client;

/// <summary>
/// The <c>idl</c> command line: one command per file under Commands/, and the single place where exceptions
/// become messages and exit codes.
/// </summary>
public static class Cli
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("idl: implicit deep learning (El Ghaoui et al. 2021) — train, evaluate and inspect implicit models.");
        root.Subcommands.Add(TrainCommand.Create(stdout, stderr));
        root.Subcommands.Add(EvaluateCommand.Create(stdout, stderr));
        root.Subcommands.Add(PredictCommand.Create(stdout, stderr));
        root.Subcommands.Add(InfoCommand.Create(stdout, stderr));
        root.Subcommands.Add(DatasetsCommand.Create(stdout, stderr));
        root.Subcommands.Add(SweepCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunsCommand.Create(stdout, stderr));
        root.Subcommands.Add(ClusterCommand.Create(stdout, stderr));
        root.Subcommands.Add(AnalyzeCommand.Create(stdout, stderr));
        root.Subcommands.Add(AttackCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompressCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var parse = Build(stdout, stderr).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'idl --help' or 'idl <command> --help' for usage.");
            return ExitCodes.UsageError;
        }
        try
        {
            return parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken)
                .GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e);
            stderr.WriteLine($"error: {message}");
            if (code == ExitCodes.InternalError) stderr.WriteLine(e.ToString());
            return code;
        }
    }

    // The one boundary where failures become exit codes; commands never catch to report.
    internal static (int Code, string Message) Classify(Exception e) => e switch
    {
        UsageException or ArgumentOutOfRangeException or FormatException => (ExitCodes.UsageError, e.Message),
        DataFormatException or FileNotFoundException or DirectoryNotFoundException or BlobDataException => (ExitCodes.DataError, e.Message),
        ModelFormatException or Idl.Numerics.Robustness.BoundUnavailableException => (ExitCodes.ModelError, e.Message),
        EquilibriumNotConvergedException => (ExitCodes.NotConverged, e.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled; nothing was written."),
        ArgumentException => (ExitCodes.UsageError, e.Message),
        _ => (ExitCodes.InternalError, e.Message),
    };
}
