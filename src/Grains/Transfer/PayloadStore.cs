using System.Collections.Concurrent;
using Idl.Grains.Contracts;

namespace Idl.Grains.Transfer;

/// <summary>
/// The payloads this silo offers to other silos, by id, until their producer releases them. A singleton per silo:
/// holding a payload is a reference, never a copy, and a receiver on this silo takes the same instance.
/// </summary>
public sealed class PayloadStore
{
    private readonly ConcurrentDictionary<Guid, MatrixPayload> _held = new();

    /// <summary>Payloads held now.</summary>
    public int Count => _held.Count;

    /// <summary>Holds <paramref name="payload"/> (not copied) under a new id.</summary>
    public Guid Hold(MatrixPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var id = Guid.NewGuid();
        _held[id] = payload;
        return id;
    }

    /// <summary>The payload held under <paramref name="id"/>, or null.</summary>
    public MatrixPayload? Find(Guid id) => _held.TryGetValue(id, out var p) ? p : null;

    /// <summary>Stops holding <paramref name="id"/> (no-op when not held).</summary>
    public void Release(Guid id) => _held.TryRemove(id, out _);
}
