using System.CommandLine;
using Idl.Client.Commands;
using Idl.Grains.Data;
using Idl.Numerics.Data;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training;

namespace Idl.Client;

/// <summary>
/// The <c>idl</c> command line: one command per file under Commands/, and the single place where exceptions
/// become messages and exit codes.
/// </summary>
public static class Cli
{
    /// <summary>Whether an internal error prints its stack trace.</summary>
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Print the stack trace of an internal error.", Recursive = true };

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("idl: implicit deep learning (El Ghaoui et al. 2021) — train, evaluate and inspect implicit models.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(TrainCommand.Create(stdout, stderr));
        root.Subcommands.Add(EvaluateCommand.Create(stdout, stderr));
        root.Subcommands.Add(PredictCommand.Create(stdout, stderr));
        root.Subcommands.Add(InfoCommand.Create(stdout, stderr));
        root.Subcommands.Add(DatasetsCommand.Create(stdout, stderr));
        root.Subcommands.Add(SweepCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunsCommand.Create(stdout, stderr));
        root.Subcommands.Add(ClusterCommand.Create(stdout, stderr));
        root.Subcommands.Add(PlotCommand.Create(stdout, stderr));
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
            // Detaching is what the user asked for, not an error.
            stderr.WriteLine(e is RunDetachedException ? message : $"error: {message}");
            if (code == ExitCodes.InternalError)
            {
                if (parse.GetValue(Verbose)) stderr.WriteLine(e.ToString());
                else stderr.WriteLine($"This is a bug in idl ({e.GetType().Name}); rerun with --verbose for the stack trace and report it.");
            }
            return code;
        }
    }

    // The one boundary where failures become exit codes; commands never catch to report.
    // Only input the commands validated (UsageException) maps to 2: any other ArgumentException is a bug in idl.
    internal static (int Code, string Message) Classify(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Classify(a.InnerExceptions[0]),
        UsageException => (ExitCodes.UsageError, e.Message),
        DataFormatException or FileNotFoundException or DirectoryNotFoundException or BlobDataException => (ExitCodes.DataError, e.Message),
        ModelFormatException or Idl.Numerics.Robustness.BoundUnavailableException or Idl.Numerics.StateMatrices.DenseStateUnavailableException
            => (ExitCodes.ModelError, e.Message),
        EquilibriumNotConvergedException => (ExitCodes.NotConverged, e.Message),
        TrainingDivergedException => (ExitCodes.Diverged, e.Message),
        ClusterUnavailableException => (ExitCodes.ClusterUnavailable, e.Message),
        RunEndedException r => (r.ExitCode, e.Message),
        RunDetachedException => (ExitCodes.Cancelled, e.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled; nothing was written."),
        _ => (ExitCodes.InternalError, e.Message),
    };
}
