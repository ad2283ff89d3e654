namespace Idl.Client.Tests;

/// <summary>
/// Every malformed input the CLI has been tried with, one row each: the exit code, words the one-line message must
/// contain, and the promises every row shares — one message line and no stack trace on stderr, nothing on stdout,
/// no file left behind. <c>{dir}</c> stands for a fresh folder holding the files <see cref="Files"/> writes.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Dead = "127.0.0.1:1";

    public static TheoryData<string, int, string> Cases() => new()
    {
        // Sizes and combinations refused before any data is read.
        { "train --hidden 2000000000", ExitCodes.UsageError, "--hidden 2000000000|largest --hidden" },
        { "train --hidden 0", ExitCodes.UsageError, "--hidden 0" },
        { "train --trainer fenchel --activation tanh", ExitCodes.UsageError, "--activation tanh|fenchel" },
        { "train --activation leaky_relu(-1)", ExitCodes.UsageError, "--activation leaky_relu(-1)|(0, 1]" },
        { "train --activation softmax(7) --hidden 32", ExitCodes.UsageError, "--activation softmax(7)|--hidden 32" },
        { "train --activation swish", ExitCodes.UsageError, "--activation swish" },
        { "train --patience 2", ExitCodes.UsageError, "--patience 2|--validation" },
        { "train --run-id r1", ExitCodes.UsageError, "--run-id r1|--cluster" },
        { "train --checkpoint-interval 5", ExitCodes.UsageError, "--checkpoint-interval 5" },
        { "train --threads 0", ExitCodes.UsageError, "--threads 0" },
        { "train --feedforward 9 --hidden 8", ExitCodes.UsageError, "--feedforward 9" },
        { "train --kappa 1.5", ExitCodes.UsageError, "--kappa" },
        { "train --lr -1", ExitCodes.UsageError, "--lr" },
        { "train --task ranking", ExitCodes.UsageError, "--task ranking" },
        { "train --epochs x", ExitCodes.UsageError, "x" },
        { "train --bogus", ExitCodes.UsageError, "--bogus" },
        // Paths.
        { "train --data ", ExitCodes.UsageError, "--data ''" },
        { "train --data csv:", ExitCodes.UsageError, "--data csv:|needs a path" },
        { "train --data imagenet:x", ExitCodes.UsageError, "--data imagenet:x|mnist:<folder>" },
        { "train --out ", ExitCodes.UsageError, "--out ''" },
        { "train --out {dir}", ExitCodes.UsageError, "--out {dir}|is a folder" },
        { "train --out {dir}/no-such-folder/m.idl", ExitCodes.UsageError, "--out|does not exist" },
        { "train --data csv:{dir}", ExitCodes.DataError, "{dir}|is a folder" },
        { "train --data libsvm:{dir}", ExitCodes.DataError, "{dir}|is a folder" },
        { "train --data csv:{dir}/missing.csv", ExitCodes.DataError, "missing.csv" },
        { "train --data mnist:{dir}/no-such-folder", ExitCodes.DataError, "no-such-folder" },
        // File contents.
        { "train --data libsvm:{dir}/huge-index.svm", ExitCodes.DataError, "huge-index.svm|line 2|2000000000" },
        { "train --data csv:{dir}/nan.csv", ExitCodes.DataError, "nan.csv|line 2" },
        { "train --data csv:{dir}/ragged.csv", ExitCodes.DataError, "ragged.csv|line 2" },
        { "train --data csv:{dir}/one-class.csv", ExitCodes.DataError, "only class 1|two classes" },
        { "train --data csv:{dir}/zero-class.csv", ExitCodes.DataError, "only class 0|two classes" },
        { "train --data csv:{dir}/one-text-class.csv", ExitCodes.DataError, "only class 'grey soil'" },
        { "train --data csv:{dir}/empty.csv", ExitCodes.DataError, "empty.csv|no data rows" },
        // Model files.
        { "evaluate --model ", ExitCodes.UsageError, "--model ''" },
        { "evaluate --model {dir}", ExitCodes.ModelError, "--model|folder" },
        { "evaluate --model {dir}/missing.idl", ExitCodes.ModelError, "missing.idl|no such model file" },
        { "predict --model {dir}/garbage.idl", ExitCodes.ModelError, "garbage.idl" },
        { "info --model {dir}/missing.idl", ExitCodes.ModelError, "missing.idl" },
        { "evaluate --model {dir}/missing.idl --part validation", ExitCodes.ModelError, "missing.idl" },
        // Sweeps: refused before any trial runs.
        { "sweep --kappa 0.5,0.5", ExitCodes.UsageError, "--kappa 0.5,0.5|2 times" },
        { "sweep --hidden 8,16,8", ExitCodes.UsageError, "--hidden 8,16,8" },
        { "sweep --seed 1,1", ExitCodes.UsageError, "--seed 1,1" },
        { "sweep --csv {dir}/no-such-folder/x.csv", ExitCodes.UsageError, "--csv|does not exist" },
        { "sweep --csv {dir}", ExitCodes.UsageError, "--csv {dir}|is a folder" },
        { "sweep --kappa 0.5:x", ExitCodes.UsageError, "--kappa 0.5:x" },
        // Clusters: a dead gateway fails in well under a second, naming it.
        { $"runs status --cluster {Dead}", ExitCodes.UsageError, "needs a run id" },
        { $"runs status --cluster {Dead} a --run-id b", ExitCodes.UsageError, "--run-id b|differs" },
        { $"runs status --cluster {Dead} --run-id r1", ExitCodes.ClusterUnavailable, $"{Dead}|refused" },
        { $"runs list --cluster {Dead}", ExitCodes.ClusterUnavailable, $"{Dead}|refused" },
        { $"runs cancel r1 --cluster {Dead},127.0.0.1:2", ExitCodes.ClusterUnavailable, $"{Dead}|127.0.0.1:2" },
        { $"cluster --cluster {Dead}", ExitCodes.ClusterUnavailable, Dead },
        { $"train --cluster {Dead} --epochs 1", ExitCodes.ClusterUnavailable, $"{Dead}|refused" },
        { $"sweep --cluster {Dead}", ExitCodes.ClusterUnavailable, Dead },
        { $"train --cluster {Dead} --connect-timeout 0", ExitCodes.UsageError, "--connect-timeout 0" },
        { "train --cluster nowhere", ExitCodes.UsageError, "--cluster" },
    };

    /// <summary>The number of rows, for docs/ (a test keeps the number there honest).</summary>
    public static int CaseCount => Cases().Count;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Command_BadInput_ExitsWithOneMessageAndNoTrace(string commandLine, int exitCode, string expected)
    {
        Files();
        var before = Directory.GetFileSystemEntries(_dir, "*", SearchOption.AllDirectories).Order().ToArray();
        var args = commandLine.Replace("{dir}", _dir, StringComparison.Ordinal).Split(' ');
        var run = CliRun.Of(args);
        Assert.True(exitCode == run.ExitCode, $"exit {run.ExitCode}, expected {exitCode}; stderr: {run.Stderr}");
        foreach (var word in expected.Split('|').Select(w => w.Replace("{dir}", _dir, StringComparison.Ordinal)))
            Assert.True(run.Stderr.Contains(word, StringComparison.Ordinal), $"stderr lacks '{word}': {run.Stderr}");
        var errors = run.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length >= 1, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("(Parameter '", run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.Equal(before, Directory.GetFileSystemEntries(_dir, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    private void Files()
    {
        File.WriteAllText(Path.Combine(_dir, "huge-index.svm"), "1 1:1 2:1\n0 1:2 2000000000:3\n");
        File.WriteAllText(Path.Combine(_dir, "nan.csv"), "1,2,0\n3,NaN,1\n5,6,0\n");
        File.WriteAllText(Path.Combine(_dir, "ragged.csv"), "1,2,0\n3,1\n5,6,0\n");
        File.WriteAllText(Path.Combine(_dir, "one-class.csv"), string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i % 3},1\n")));
        File.WriteAllText(Path.Combine(_dir, "zero-class.csv"), string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i % 3},0\n")));
        File.WriteAllText(Path.Combine(_dir, "one-text-class.csv"), "a,b,kind\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i % 3},grey soil\n")));
        File.WriteAllText(Path.Combine(_dir, "empty.csv"), "a,b,c\n");
        File.WriteAllText(Path.Combine(_dir, "garbage.idl"), "this is not a model file at all");
    }
}
