using Idl.Grains.Options;

namespace Idl.Grains.Tests;

public sealed class HostingOptionsTests
{
    [Theory]
    [InlineData("azure:UseDevelopmentStorage=true", null, "svc", "--cluster-id")]
    [InlineData("azure:UseDevelopmentStorage=true", "c", null, "--service-id")]
    [InlineData("consul:x", "c", "s", "--clustering")]
    public void Validate_NonLocalClusteringWithoutIds_NamesTheOption(string clustering, string? clusterId, string? serviceId, string flag)
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => ClusterHostingOptionsValidator.Validate(
            new ClusterHostingOptions { Clustering = clustering, ClusterId = clusterId, ServiceId = serviceId }));
        Assert.Contains(flag, e.Message);
    }

    [Fact]
    public void Validate_WildcardListenWithoutAdvertise_NamesAdvertise()
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => ClusterHostingOptionsValidator.Validate(
            new ClusterHostingOptions { Clustering = "azure:x", ClusterId = "c", ServiceId = "s", Listen = "0.0.0.0" }));
        Assert.Contains("--advertise", e.Message);
    }

    [Fact]
    public void Validate_LocalhostClusteringOffLoopback_NamesListen()
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => ClusterHostingOptionsValidator.Validate(
            new ClusterHostingOptions { Listen = "10.1.2.3" }));
        Assert.Contains("--listen", e.Message);
    }

    [Theory]
    [InlineData("s3:bucket")]
    [InlineData("file:")]
    public void Validate_UnknownStorage_NamesStorage(string storage)
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => ClusterHostingOptionsValidator.Validate(new ClusterHostingOptions { Storage = storage }));
        Assert.Contains("--storage", e.Message);
    }

    [Fact]
    public void Validate_Defaults_AreAcceptedAndBindToLoopback()
    {
        var o = new ClusterHostingOptions();
        ClusterHostingOptionsValidator.Validate(o);
        Assert.True(System.Net.IPAddress.IsLoopback(o.AdvertisedAddress));
    }

    [Theory]
    [InlineData(nameof(TrainingClusterOptions.ChunkBytes), 1023)]
    [InlineData(nameof(TrainingClusterOptions.ChunkBytes), (64 << 20) + 1)]
    [InlineData(nameof(TrainingClusterOptions.AggregationFanIn), 1)]
    [InlineData(nameof(TrainingClusterOptions.MaxPayloadBytes), 1000)]
    public void ValidateTraining_OutOfRange_NamesTheOption(string option, long value)
    {
        var o = new TrainingClusterOptions();
        typeof(TrainingClusterOptions).GetProperty(option)!.SetValue(o, Convert.ChangeType(value, typeof(TrainingClusterOptions).GetProperty(option)!.PropertyType,
            System.Globalization.CultureInfo.InvariantCulture));
        var e = Assert.Throws<OrleansConfigurationException>(() => new TrainingClusterOptionsValidator(Microsoft.Extensions.Options.Options.Create(o)).ValidateConfiguration());
        Assert.Contains($"TrainingClusterOptions.{option}", e.Message);
    }

    [Fact]
    public void ValidateTraining_Defaults_ChunkWellBelowOrleansBodyLimit()
    {
        var o = new TrainingClusterOptions();
        new TrainingClusterOptionsValidator(Microsoft.Extensions.Options.Options.Create(o)).ValidateConfiguration();
        Assert.True(o.ChunkBytes <= 100 << 20 >> 2, $"{o.ChunkBytes}");
        Assert.Equal(8, o.AggregationFanIn);
    }

    [Fact]
    public void ParseClient_AzureWithoutIds_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ClusterClientOptions.Parse("azure:UseDevelopmentStorage=true", null, null, null, null));
        Assert.Contains("--cluster-id", e.Message);
    }
}
