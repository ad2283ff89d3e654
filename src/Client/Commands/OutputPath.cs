namespace Idl.Client.Commands;

/// <summary>Checks a file a command will write at its end, so that a bad path fails before the work, not after.</summary>
internal static class OutputPath
{
    /// <exception cref="UsageException">The path is empty, a folder, or in a folder that does not exist.</exception>
    public static void EnsureWritable(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw UsageException.For(option, "''", "is empty; name the file to write");
        if (Directory.Exists(path)) throw UsageException.For(option, path, "is a folder; name the file to write");
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
            throw UsageException.For(option, path, $"folder {folder} does not exist");
    }
}
