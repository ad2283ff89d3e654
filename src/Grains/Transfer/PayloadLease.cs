namespace Idl.Grains.Transfer;

/// <summary>The payloads one offer put in the store; disposing releases them. Receivers that have not finished
/// pulling by then fail with a clear error, so a producer disposes only when its answer is superseded or its step over.</summary>
public sealed class PayloadLease : IDisposable
{
    private readonly PayloadStore? _store;
    private Guid[] _ids;

    internal PayloadLease(PayloadStore? store, Guid[] ids) => (_store, _ids) = (store, ids);

    /// <summary>A lease holding nothing (everything travelled inline).</summary>
    public static PayloadLease Empty { get; } = new(null, []);

    /// <summary>Payloads held.</summary>
    public int Count => _ids.Length;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var id in _ids) _store!.Release(id);
        _ids = [];
    }
}
