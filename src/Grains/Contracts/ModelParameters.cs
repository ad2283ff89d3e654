using System.Numerics;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;

namespace Idl.Grains.Contracts;

/// <summary>The parameters of an implicit model on the wire: A, B, C, D, the biases (or null) and the activation name.</summary>
[GenerateSerializer, Immutable, Alias("idl.ModelParameters")]
public sealed record ModelParameters(
    [property: Id(0)] MatrixPayload A,
    [property: Id(1)] MatrixPayload B,
    [property: Id(2)] MatrixPayload C,
    [property: Id(3)] MatrixPayload D,
    [property: Id(4)] MatrixPayload? StateBias,
    [property: Id(5)] MatrixPayload? OutputBias,
    [property: Id(6)] string Activation)
{
    /// <summary>Bytes on the wire for the matrices.</summary>
    public long WireBytes => A.WireBytes + B.WireBytes + C.WireBytes + D.WireBytes + (StateBias?.WireBytes ?? 0) + (OutputBias?.WireBytes ?? 0);

    /// <summary>Copies <paramref name="model"/>'s parameters.</summary>
    public static ModelParameters From<T>(ImplicitModel<T> model, string activation) where T : unmanaged, IFloatingPointIeee754<T> => new(
        MatrixPayload.From(model.A), MatrixPayload.From(model.B), MatrixPayload.From(model.C), MatrixPayload.From(model.D),
        model.StateBias is { } b ? MatrixPayload.FromVector<T>(b) : null,
        model.OutputBias is { } c ? MatrixPayload.FromVector<T>(c) : null, activation);

    /// <summary>A new model holding copies of the parameters.</summary>
    public ImplicitModel<T> ToModel<T>() where T : unmanaged, IFloatingPointIeee754<T> => new(
        A.ToMatrix<T>(), B.ToMatrix<T>(), C.ToMatrix<T>(), D.ToMatrix<T>(),
        ActivationMap.Uniform(ActivationParser.Parse(Activation), A.Rows), StateBias?.ToArray<T>(), OutputBias?.ToArray<T>());

    /// <summary>A model that shares the payloads' storage where they hold <typeparamref name="T"/>[] (inside one silo)
    /// and copies otherwise: for solves that only read the parameters. Never update it.</summary>
    public ImplicitModel<T> AsModel<T>() where T : unmanaged, IFloatingPointIeee754<T> => new(
        A.AsMatrix<T>(), B.AsMatrix<T>(), C.AsMatrix<T>(), D.AsMatrix<T>(),
        ActivationMap.Uniform(ActivationParser.Parse(Activation), A.Rows), StateBias?.AsArray<T>(), OutputBias?.AsArray<T>());
}
