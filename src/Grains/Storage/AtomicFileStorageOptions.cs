namespace Idl.Grains.Storage;

/// <summary>Where <see cref="AtomicFileGrainStorage"/> keeps its files.</summary>
public sealed class AtomicFileStorageOptions
{
    /// <summary>The folder (created when missing). Default "data/grains" under the working directory.</summary>
    public string RootDirectory { get; set; } = Path.Combine("data", "grains");
}
