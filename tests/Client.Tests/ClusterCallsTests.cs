using Idl.Client.Commands;
using Idl.Client.Output;
using Idl.Grains.Contracts;

namespace Idl.Client.Tests;

/// <summary>The client's side of a cluster that loses silos: transient failures retried with a notice, a cluster gone
/// for good reported as such, and each way a run can end mapped to its exit code.</summary>
public sealed class ClusterCallsTests
{
    [Fact]
    public async Task CallAsync_TransientFailures_RetriesWithNotice()
    {
        var stderr = new StringWriter();
        int calls = 0;
        var result = await new ClusterCalls(new CliOutput(TextWriter.Null, stderr, false), TimeSpan.FromSeconds(30))
            .CallAsync(() => ++calls < 3 ? Task.FromException<int>(new TimeoutException()) : Task.FromResult(42), "run r", CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(2, stderr.ToString().Split('\n').Count(l => l.Contains("retrying", StringComparison.Ordinal)));
        Assert.Contains("answers again", stderr.ToString());
    }

    [Fact]
    public async Task CallAsync_UnreachableBeyondPatience_ThrowsClusterUnavailable()
    {
        var calls = new ClusterCalls(new CliOutput(TextWriter.Null, TextWriter.Null, false), TimeSpan.FromSeconds(1));
        var e = await Assert.ThrowsAsync<ClusterUnavailableException>(() => calls.CallAsync(() => Task.FromException<int>(new TimeoutException()), "run r", CancellationToken.None));
        Assert.Contains("idl runs status", e.Message);
        Assert.Equal(ExitCodes.ClusterUnavailable, Cli.Classify(e).Code);
    }

    [Fact]
    public async Task CallAsync_NonTransientFailure_IsNotRetried()
    {
        int calls = 0;
        var clusterCalls = new ClusterCalls(new CliOutput(TextWriter.Null, TextWriter.Null, false));
        await Assert.ThrowsAsync<InvalidOperationException>(() => clusterCalls.CallAsync(() => { calls++; return Task.FromException<int>(new InvalidOperationException()); }, "r", CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(RunState.Cancelled, ExitCodes.Cancelled, "was cancelled")]
    [InlineData(RunState.Failed, ExitCodes.RunFailed, "idl runs resume r1")]
    public void Ended_RunNotCompleted_MapsToItsExitCode(RunState state, int code, string words)
    {
        var status = new RunStatus("r1", state, 1, 40, 100, 20, 0, 0, "disk full", [], 2, 512);
        var e = RunOutcome.Ended("r1", status);
        Assert.Equal(code, Cli.Classify(e).Code);
        Assert.Contains(words, e.Message);
    }
}
