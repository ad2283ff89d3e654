using Idl.Grains.Contracts;

namespace Idl.Dashboard.Api;

/// <summary>A sweep's page: its row, every trial, and each started trial's per-epoch curve (by trial id).</summary>
public sealed record SweepDetail(SweepRow Row, SweepStatus Status, IReadOnlyDictionary<string, IReadOnlyList<EpochSummary>> Curves);
