using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Idl.Numerics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Idl.Grains.Tests;

public sealed class PayloadCodecTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(MatrixPayload).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(7, 13)]
    [InlineData(64, 65)]
    public void RoundTrip_Float64_BitForBit(int rows, int cols)
    {
        var m = Filled<double>(rows, cols, i => i % 7 == 3 ? double.NaN : i % 11 == 5 ? -0.0 : i % 13 == 1 ? double.Epsilon : Math.Sin(i) * 1e300);
        var back = RoundTrip(MatrixPayload.From(m)).ToMatrix<double>();
        Assert.Equal((rows, cols), (back.Rows, back.Cols));
        Assert.Equal(m.Data.Select(BitConverter.DoubleToInt64Bits), back.Data.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 17)]
    public void RoundTrip_Float32_BitForBit(int rows, int cols)
    {
        var m = Filled<float>(rows, cols, i => i % 5 == 2 ? float.NaN : (float)Math.Cos(i) * 3e38f);
        var back = RoundTrip(MatrixPayload.From(m)).ToMatrix<float>();
        Assert.Equal(m.Data.Select(BitConverter.SingleToInt32Bits), back.Data.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Serialize_LargeMatrix_CostsRawBytesPlusSmallHeader()
    {
        var payload = MatrixPayload.From(Filled<double>(100, 100, i => i));
        int bytes = Serializer.SerializeToArray(payload).Length;
        Assert.InRange(bytes, 80_000, 80_000 + 64);
    }

    [Fact]
    public void RoundTrip_RecordHoldingPayloads_KeepsNullBiases()
    {
        var p = new ModelParameters(MatrixPayload.From(Filled<double>(2, 2, i => i)), MatrixPayload.From(Filled<double>(2, 3, i => -i)),
            MatrixPayload.From(Filled<double>(1, 2, i => 1)), MatrixPayload.From(Filled<double>(1, 3, i => 2)), null, null, "relu");
        var back = Serializer.Deserialize<ModelParameters>(Serializer.SerializeToArray(p))!;
        Assert.Null(back.StateBias);
        Assert.Equal(p.B.Bytes, back.B.Bytes);
        Assert.Equal("relu", back.Activation);
    }

    [Fact]
    public void RoundTrip_RemotePayload_KeepsShapeAndHandleOnly()
    {
        var handle = new PayloadHandle("S10.0.0.7:11111:498765432", Guid.NewGuid(), 0xfeedbeef12345678);
        var remote = MatrixPayload.Remote(PayloadElement.Float32, 3000, 2000, handle);
        byte[] wire = Serializer.SerializeToArray(remote);
        var back = Serializer.Deserialize<MatrixPayload>(wire)!;
        Assert.Equal((PayloadElement.Float32, 3000, 2000), (back.Element, back.Rows, back.Cols));
        Assert.Equal(handle, back.Handle);
        Assert.Equal(24_000_000, back.DataBytes);
        Assert.InRange(wire.Length, 24, 100);
    }

    [Fact]
    public void ToArray_WrongElementType_Throws()
    {
        var payload = MatrixPayload.From(Filled<float>(2, 2, i => i));
        Assert.Throws<InvalidOperationException>(() => payload.ToArray<double>());
    }

    [Fact]
    public void Ensure_OversizedPayload_ThrowsNamingSizesAndLimit()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PayloadGuard.Ensure(200L << 20, 64L << 20, "model parameters"));
        Assert.Contains("200.0 MiB", e.Message);
        Assert.Contains("64.0 MiB limit", e.Message);
        Assert.Contains("MaxPayloadBytes", e.Message);
    }

    private static MatrixPayload RoundTrip(MatrixPayload payload) => Serializer.Deserialize<MatrixPayload>(Serializer.SerializeToArray(payload))!;

    private static Matrix<T> Filled<T>(int rows, int cols, Func<int, T> f) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var m = new Matrix<T>(rows, cols);
        for (int i = 0; i < m.Length; i++) m.Data[i] = f(i);
        return m;
    }
}
