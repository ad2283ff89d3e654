using Idl.Grains.Contracts;

namespace Idl.Dashboard.Api;

/// <summary>A run's page: its row, its status with the per-epoch curve, and its per-step history.</summary>
public sealed record RunDetail(RunRow Row, RunStatus Status, RunHistory History);
