using System.Net.Sockets;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>Azurite (blob, queue, table) in memory on free loopback ports, killed on dispose.</summary>
internal sealed class AzuriteProcess : IDisposable
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess _process;
    private readonly int _blob = LoopbackSilo.FreePort(), _queue = LoopbackSilo.FreePort(), _table = LoopbackSilo.FreePort();

    private AzuriteProcess(string workingDirectory) => _process = new ChildProcess(RepoPaths.Azurite,
        ["--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
         "--blobHost", "127.0.0.1", "--blobPort", $"{_blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{_queue}",
         "--tableHost", "127.0.0.1", "--tablePort", $"{_table}"], workingDirectory);

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_table}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(string workingDirectory)
    {
        var azurite = new AzuriteProcess(workingDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (int port in new[] { azurite._blob, azurite._table })
            while (!await AcceptsAsync(port))
            {
                if (azurite._process.HasExited || DateTime.UtcNow > deadline)
                {
                    string output = azurite._process.Output;
                    azurite.Dispose();
                    throw new TimeoutException($"Azurite did not listen on {port} within 30 s: {output}");
                }
                await Task.Delay(100);
            }
        return azurite;
    }

    public void Dispose() => _process.Dispose();

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException) { return false; }
    }
}
