using System.Buffers;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace Idl.Grains.Contracts;

/// <summary>
/// Writes a <see cref="MatrixPayload"/> as one length-prefixed field: element size (1 byte), rows and columns
/// (4 bytes each, little-endian), then the raw block.
/// </summary>
[RegisterSerializer]
public sealed class MatrixPayloadCodec : IFieldCodec<MatrixPayload>
{
    /// <summary>Bytes before the raw block.</summary>
    public const int HeaderBytes = 9;

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, MatrixPayload? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value)) return;
        var payload = value!;
        writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(MatrixPayload), WireType.LengthPrefixed);
        writer.WriteVarUInt32(checked((uint)(payload.WireBytes)));
        writer.WriteByte((byte)payload.Element);
        writer.WriteInt32(payload.Rows);
        writer.WriteInt32(payload.Cols);
        writer.Write(payload.ByteSpan);
    }

    /// <inheritdoc />
    public MatrixPayload ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference) return ReferenceCodec.ReadReference<MatrixPayload, TInput>(ref reader, field)!;
        field.EnsureWireType(WireType.LengthPrefixed);
        uint length = reader.ReadVarUInt32();
        if (length < HeaderBytes) throw new InvalidOperationException($"A matrix payload field of {length} bytes is shorter than its header.");
        var element = (PayloadElement)reader.ReadByte();
        int rows = reader.ReadInt32();
        int cols = reader.ReadInt32();
        var bytes = reader.ReadBytes(length - HeaderBytes);
        var result = new MatrixPayload(element, rows, cols, bytes);
        ReferenceCodec.RecordObject(reader.Session, result);
        return result;
    }
}

/// <summary>Payloads are immutable, so a copy is the same instance.</summary>
[RegisterCopier]
public sealed class MatrixPayloadCopier : IDeepCopier<MatrixPayload>
{
    /// <inheritdoc />
    public MatrixPayload? DeepCopy(MatrixPayload? input, CopyContext context) => input;
}
