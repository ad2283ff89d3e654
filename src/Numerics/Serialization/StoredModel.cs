using System.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.StateMatrices;

namespace Idl.Numerics.Serialization;

/// <summary>A model read from a file, in the precision and form of A it was stored in, with its metadata.</summary>
public sealed class StoredModel
{
    internal StoredModel(StructuredModel<float>? single, StructuredModel<double>? dbl, ModelMetadata metadata, int version, bool headerVerified, long fileBytes)
    {
        (_single, _double, Metadata, Version, HeaderVerified, FileBytes) = (single, dbl, metadata, version, headerVerified, fileBytes);
    }

    private readonly StructuredModel<float>? _single;
    private readonly StructuredModel<double>? _double;

    /// <summary>The metadata stored with the model.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The format version of the file.</summary>
    public int Version { get; }

    /// <summary>Whether the checksum covered the header (activation, metadata) as well as the tensors: true from
    /// format version 2; a version-1 file's header could have been edited undetected.</summary>
    public bool HeaderVerified { get; }

    /// <summary>The size of the file read, in bytes.</summary>
    public long FileBytes { get; }

    /// <summary>The stored precision.</summary>
    public Precision Precision => _single is not null ? Precision.Float32 : Precision.Float64;

    /// <summary>How A is stored: dense, rank-k factors or sparse rows.</summary>
    public StateMatrixForm Form => _single?.A.Form ?? _double!.A.Form;

    /// <summary>p, the number of inputs.</summary>
    public int InputSize => _single?.InputSize ?? _double!.InputSize;

    /// <summary>k when A is stored as rank-k factors, else null.</summary>
    public int? Rank => (_single?.A as LowRankStateMatrix<float>)?.Rank ?? (_double?.A as LowRankStateMatrix<double>)?.Rank;

    /// <summary>The stored entries of A when it is stored sparse, else null.</summary>
    public int? NonZeros => (_single?.A as SparseStateMatrix<float>)?.Matrix.NonZeros ?? (_double?.A as SparseStateMatrix<double>)?.Matrix.NonZeros;

    /// <summary>"dense", "rank k" or "sparse, nnz nonzeros".</summary>
    public string FormDescription => _single?.A.Description ?? _double!.A.Description;

    /// <summary>
    /// The model with A dense, in precision <typeparamref name="T"/>: the stored one (densified once when A is stored
    /// structured) when <typeparamref name="T"/> is the stored precision, converted otherwise. For the code that
    /// needs A's entries: analysis, attacks, training.
    /// </summary>
    public ImplicitModel<T> Model<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_single is StructuredModel<T> s) return s.ToImplicit();
        if (_double is StructuredModel<T> d) return d.ToImplicit();
        return _single is not null ? _single.ToImplicit().Convert<T>() : _double!.ToImplicit().Convert<T>();
    }

    /// <summary>
    /// The model with A in its stored form, in precision <typeparamref name="T"/> (converted, A's form kept, when it is
    /// not the stored one): what prediction uses, at the cost of the form.
    /// </summary>
    public StructuredModel<T> Structured<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_single is StructuredModel<T> s) return s;
        if (_double is StructuredModel<T> d) return d;
        return _single is not null ? _single.Convert<T>() : _double!.Convert<T>();
    }
}
