using System.Collections.ObjectModel;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>A collection whose additions hold the collection's own monitor, so <c>lock (collection)</c> readers are safe.</summary>
public sealed class LockedCollection<T> : Collection<T>
{
    protected override void InsertItem(int index, T item)
    {
        lock (this) base.InsertItem(index, item);
    }
}
