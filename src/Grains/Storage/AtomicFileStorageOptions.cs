namespace Idl.Grains.Storage;

/// <summary>Where <see cref="AtomicFileGrainStorage"/> keeps its files.</summary>
public sealed class AtomicFileStorageOptions
{
    /// <summary>The folder (created when missing). Default "data/grains" under the working directory.</summary>
    public string RootDirectory { get; set; } = Path.Combine("data", "grains");

    /// <summary>
    /// Crash tests only: awaited with the temporary file's path once half of a state's bytes are in it (flushed) and
    /// again, with <c>true</c>, once all are but before the rename, so that a test can kill the process at exactly
    /// those instants instead of racing a write. Null (the default) costs nothing.
    /// </summary>
    public Func<string, bool, Task>? WriteHook { get; set; }
}
