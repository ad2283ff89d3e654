namespace Idl.Dashboard.Api;

/// <summary>One silo of the cluster with its load and the runs' grains it hosts.</summary>
public sealed record SiloRow(string Address, string Name, string Status, int Activations, double CpuPercent, double MemoryMb,
    int Coordinators, int Shards, IReadOnlyList<string> Runs);
