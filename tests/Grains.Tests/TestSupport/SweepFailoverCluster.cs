namespace Idl.Grains.Tests.TestSupport;

/// <summary>Three silos for the sweep failover test, which kills one (the other failover tests kill theirs).</summary>
public sealed class SweepFailoverCluster() : ClusterFixture(3);

[CollectionDefinition(Name)]
public sealed class SweepFailoverClusterCollection : ICollectionFixture<SweepFailoverCluster>
{
    public const string Name = "sweep failover cluster";
}
