namespace Idl.Client.Tests;

/// <summary>
/// A data file the kernel refuses to open for reading (mode 000). Root reads any file through the DAC-override
/// capabilities, so as root the built CLI runs under setpriv with those two capabilities dropped: still uid 0, so the
/// built CLI stays readable wherever the clone lives, but the file's mode bits now apply, as for any other user.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableFileTests
{
    [Fact]
    public async Task Train_DataFileWithoutReadPermission_ExitsThreeSayingItCannotBeRead()
    {
        string folder = Directory.CreateTempSubdirectory("idl-unreadable-").FullName;
        try
        {
            string csv = Path.Combine(folder, "locked.csv");
            await File.WriteAllTextAsync(csv, "x,label\n1,0\n2,1\n3,0\n4,1\n");
            File.SetUnixFileMode(csv, UnixFileMode.None);

            // Root drops the two capabilities that bypass file modes; any other user is refused by the mode itself.
            string[]? asUser = GetEffectiveUserId() == 0
                ? ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"] : null;

            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(folder, null, asUser, "train", "--data", "csv:" + csv, "--epochs", "1", "--hidden", "4");

            Assert.True(exitCode == ExitCodes.DataError, $"exit {exitCode}: {stderr}");
            Assert.Contains(csv, stderr);
            Assert.Contains("cannot be read: permission denied", stderr);
            Assert.DoesNotContain("   at ", stderr);
            Assert.Equal("", stdout);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
