using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace Idl.Grains.Contracts;

/// <summary>
/// Writes a <see cref="MatrixPayload"/> as one length-prefixed field: element size (1 byte), rows and columns
/// (4 bytes each, little-endian), then the raw block. A remote payload sets the element byte's high bit and writes its
/// <see cref="PayloadHandle"/> instead of the block: id (16 bytes), checksum (8 bytes), then the silo in UTF-8.
/// </summary>
[RegisterSerializer]
public sealed class MatrixPayloadCodec : IFieldCodec<MatrixPayload>
{
    /// <summary>Bytes before the raw block.</summary>
    public const int HeaderBytes = 9;

    private const byte RemoteFlag = 0x80;

    /// <summary>Bytes a handle takes in place of the raw block.</summary>
    public static int HandleBytes(PayloadHandle handle) => 24 + Encoding.UTF8.GetByteCount(handle.Silo);

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, MatrixPayload? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value)) return;
        var payload = value!;
        writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(MatrixPayload), WireType.LengthPrefixed);
        writer.WriteVarUInt32(checked((uint)(payload.WireBytes)));
        writer.WriteByte((byte)((byte)payload.Element | (payload.Handle is null ? 0 : RemoteFlag)));
        writer.WriteInt32(payload.Rows);
        writer.WriteInt32(payload.Cols);
        if (payload.Handle is { } handle) WriteHandle(ref writer, handle);
        else writer.Write(payload.ByteSpan);
    }

    /// <inheritdoc />
    public MatrixPayload ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference) return ReferenceCodec.ReadReference<MatrixPayload, TInput>(ref reader, field)!;
        field.EnsureWireType(WireType.LengthPrefixed);
        uint length = reader.ReadVarUInt32();
        if (length < HeaderBytes) throw new InvalidOperationException($"A matrix payload field of {length} bytes is shorter than its header.");
        byte flags = reader.ReadByte();
        var element = (PayloadElement)(flags & ~RemoteFlag);
        int rows = reader.ReadInt32();
        int cols = reader.ReadInt32();
        var bytes = reader.ReadBytes(length - HeaderBytes);
        var result = (flags & RemoteFlag) != 0
            ? MatrixPayload.Remote(element, rows, cols, ReadHandle(bytes))
            : new MatrixPayload(element, rows, cols, bytes);
        ReferenceCodec.RecordObject(reader.Session, result);
        return result;
    }

    private static void WriteHandle<TBufferWriter>(ref Writer<TBufferWriter> writer, PayloadHandle handle) where TBufferWriter : IBufferWriter<byte>
    {
        Span<byte> fixedPart = stackalloc byte[24];
        handle.Id.TryWriteBytes(fixedPart);
        BinaryPrimitives.WriteUInt64LittleEndian(fixedPart[16..], handle.Checksum);
        writer.Write(fixedPart);
        writer.Write(Encoding.UTF8.GetBytes(handle.Silo));
    }

    private static PayloadHandle ReadHandle(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24) throw new InvalidOperationException($"A remote payload's handle of {bytes.Length} bytes is shorter than its 24 fixed bytes.");
        return new PayloadHandle(Encoding.UTF8.GetString(bytes[24..]), new Guid(bytes[..16]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..24]));
    }
}

/// <summary>Payloads are immutable, so a copy is the same instance.</summary>
[RegisterCopier]
public sealed class MatrixPayloadCopier : IDeepCopier<MatrixPayload>
{
    /// <inheritdoc />
    public MatrixPayload? DeepCopy(MatrixPayload? input, CopyContext context) => input;
}
