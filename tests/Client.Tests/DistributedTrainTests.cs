namespace Idl.Client.Tests;

public sealed class DistributedTrainTests
{
    [Fact]
    public void Train_WithShardsOnEmbeddedSilo_PrintsEpochsWithRunIdShardsAndSilos()
    {
        var run = CliRun.Of("train", "--data", "digits", "--hidden", "8", "--epochs", "2", "--limit", "256", "--shards", "3", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = run.JsonLines();
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(3, (int)l["shards"]!));
        Assert.All(lines, l => Assert.Equal(1, (int)l["silos"]!));
        Assert.Equal((string)lines[0]["run_id"]!, (string)lines[2]["run_id"]!);
        Assert.Equal(2, (int)lines[1]["epoch"]!);
        Assert.True((bool)lines[2]["final"]!);
    }

    [Fact]
    public void Train_WithShardsAndBadKappa_IsAUsageError()
    {
        var run = CliRun.Of("train", "--kappa", "1.5", "--shards", "2", "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--kappa", run.Stderr);
    }

    [Fact]
    public void Train_WithMalformedCluster_IsAUsageError()
    {
        var run = CliRun.Of("train", "--cluster", "nowhere", "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--cluster", run.Stderr);
    }

    [Fact]
    public void Train_BlobDataWithoutConnection_IsAUsageErrorNamingTheSetting()
    {
        var run = CliRun.Of("train", "--data", "csv:blob://data/x.csv", "--epochs", "1", "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--data-connection", run.Stderr);
    }

    [Fact]
    public void Train_BlobDataOnAnUnreachableAccount_IsADataError()
    {
        const string Unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1";
        var run = CliRun.Of("train", "--data", "csv:blob://data/x.csv", "--epochs", "1", "--data-connection", Unreachable, "--json");
        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains("did not answer", run.Stderr);
    }
}
