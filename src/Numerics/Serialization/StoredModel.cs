using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Serialization;

/// <summary>A model read from a file, in the precision it was stored in, with its metadata.</summary>
public sealed class StoredModel
{
    internal StoredModel(ImplicitModel<float>? single, ImplicitModel<double>? dbl, ModelMetadata metadata, int version, bool headerVerified)
    {
        (_single, _double, Metadata, Version, HeaderVerified) = (single, dbl, metadata, version, headerVerified);
    }

    private readonly ImplicitModel<float>? _single;
    private readonly ImplicitModel<double>? _double;

    /// <summary>The metadata stored with the model.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The format version of the file.</summary>
    public int Version { get; }

    /// <summary>Whether the checksum covered the header (activation, metadata) as well as the tensors: true from
    /// format version 2; a version-1 file's header could have been edited undetected.</summary>
    public bool HeaderVerified { get; }

    /// <summary><c>float32</c> or <c>float64</c>: the stored precision.</summary>
    public string Precision => _single is not null ? "float32" : "float64";

    /// <summary>The model in precision <typeparamref name="T"/>; exact when it is the stored one, converted otherwise.</summary>
    public ImplicitModel<T> Model<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_single is ImplicitModel<T> s) return s;
        if (_double is ImplicitModel<T> d) return d;
        return _single is not null ? _single.Convert<T>() : _double!.Convert<T>();
    }
}
