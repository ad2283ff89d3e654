namespace Idl.Numerics.Data;

/// <summary>What a data specification yields: the training data (or the requested range of it) and, where the
/// source defines one, its own test part.</summary>
/// <param name="Train">Training samples.</param>
/// <param name="Test">The source's held-out part (digits, MNIST, synthetic), or null for a single file (split it
/// with <see cref="DatasetSplits.Create"/>).</param>
public sealed record LoadedData(Dataset Train, Dataset? Test);
