using System.Buffers.Binary;

namespace Idl.Grains.Tests.TestSupport.Collector;

/// <summary>One field of a protobuf message: its number, and either a number (varint, fixed32, fixed64 wire types)
/// or the bytes of a length-delimited value (strings, bytes, sub-messages, packed arrays).</summary>
internal readonly record struct ProtoField(int Number, ulong Scalar, ReadOnlyMemory<byte> Bytes)
{
    public string String => System.Text.Encoding.UTF8.GetString(Bytes.Span);

    public double Double => BitConverter.UInt64BitsToDouble(Scalar);

    public string Hex => Convert.ToHexStringLower(Bytes.Span);
}

/// <summary>A protobuf wire-format reader written for the tests (so that what is checked does not rest on the
/// exporter's own serializer): it walks the fields of one message; nested messages are read by calling it again on
/// <see cref="ProtoField.Bytes"/>.</summary>
internal static class ProtoReader
{
    public static IEnumerable<ProtoField> Fields(ReadOnlyMemory<byte> message)
    {
        int at = 0;
        while (at < message.Length)
        {
            ulong key = Varint(message.Span, ref at);
            int number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    yield return new(number, Varint(message.Span, ref at), default);
                    break;
                case 1:
                    yield return new(number, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[at..]), default);
                    at += 8;
                    break;
                case 2:
                    int length = checked((int)Varint(message.Span, ref at));
                    yield return new(number, 0, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    yield return new(number, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[at..]), default);
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {key & 7} of field {number} at byte {at} is not protobuf 3.");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("Varint longer than 10 bytes.");
    }
}
