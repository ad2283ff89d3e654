using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.StateMatrices;

namespace Idl.Numerics.Serialization;

/// <summary>
/// The <c>.idl</c> model file: the safetensors layout — an 8-byte little-endian header length N, N bytes of UTF-8
/// JSON, then the tensors as little-endian row-major bytes — so that any safetensors reader (or a few lines of
/// numpy) can read it. The header's <c>__metadata__</c> holds the format name and version, the activation map,
/// a SHA-256 and <see cref="ModelMetadata"/> as JSON. From version 2 the SHA-256 covers the whole file (header and
/// tensors, with the digest's own 64 characters read as zeros); version 1 covered the tensor bytes only, so such
/// files load with <see cref="StoredModel.HeaderVerified"/> false. Version 3 stores a compressed A as rank-k factors or
/// as CSR tensors instead of the dense <c>A</c>; files with a dense A stay version 2. See docs/model-format.md.
/// </summary>
public static partial class ModelFile
{
    /// <summary>The format name stored in every file.</summary>
    public const string Format = "idl-model";

    /// <summary>The newest format version: this build reads it and every older one, and writes it for a structured A.</summary>
    public const int Version = 3;

    /// <summary>The version of files whose A is dense, unchanged from the build that introduced it (byte-compatible).</summary>
    public const int DenseVersion = 2;

    /// <summary>The <c>__metadata__</c> key naming A's stored form in version 3: <c>low-rank</c> or <c>csr</c>.</summary>
    internal const string StateMatrixKey = "state_matrix";

    private static readonly string Placeholder = new('0', 64);

    private const long MaxHeaderBytes = 100L << 20;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Writes the model atomically: to a temporary file beside <paramref name="path"/>, then renamed over it.</summary>
    public static void Save<T>(string path, ImplicitModel<T> model, ModelMetadata metadata) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        Save(path, StructuredModel<T>.Dense(model), metadata);
    }

    /// <summary>
    /// Writes the model atomically with A in its form: a dense A as tensor <c>A</c> (format version 2), rank-k factors as
    /// <c>A_L</c> and <c>A_R</c> (n×k), a sparse A as <c>A_values</c>, <c>A_col_indices</c> (I32) and
    /// <c>A_row_offsets</c> (I64, n + 1) (format version 3). See docs/model-format.md.
    /// </summary>
    public static void Save<T>(string path, StructuredModel<T> model, ModelMetadata metadata) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        string dtype = typeof(T) == typeof(float) ? "F32" : "F64";
        int n = model.StateSize;
        var tensors = new List<TensorBytes>();
        string? form = null;
        switch (model.A)
        {
            case LowRankStateMatrix<T> low:
                form = "low-rank";
                tensors.Add(TensorBytes.Of("A_L", dtype, [n, low.Rank], low.L.Data));
                tensors.Add(TensorBytes.Of("A_R", dtype, [n, low.Rank], low.R.Data));
                break;
            case SparseStateMatrix<T> sparse:
                form = "csr";
                tensors.Add(TensorBytes.Of("A_values", dtype, [sparse.Matrix.NonZeros], sparse.Matrix.Values));
                tensors.Add(TensorBytes.Of("A_col_indices", "I32", [sparse.Matrix.NonZeros], sparse.Matrix.ColumnIndices));
                tensors.Add(TensorBytes.Of("A_row_offsets", "I64", [n + 1], sparse.Matrix.RowOffsets.Select(o => (long)o).ToArray()));
                break;
            default:
                tensors.Add(TensorBytes.Of("A", dtype, [n, n], model.A.ToDense().Data));
                break;
        }
        tensors.Add(TensorBytes.Of("B", dtype, [n, model.InputSize], model.B.Data));
        tensors.Add(TensorBytes.Of("C", dtype, [model.OutputSize, n], model.C.Data));
        tensors.Add(TensorBytes.Of("D", dtype, [model.OutputSize, model.InputSize], model.D.Data));
        if (model.StateBias is { } b) tensors.Add(TensorBytes.Of("state_bias", dtype, [b.Length], b));
        if (model.OutputBias is { } c) tensors.Add(TensorBytes.Of("output_bias", dtype, [c.Length], c));

        var meta = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["version"] = (form is null ? DenseVersion : Version).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (form is not null) meta[StateMatrixKey] = form;
        meta["activation"] = JsonSerializer.Serialize(model.Activation.Segments.Select(s => new SegmentDto(s.Activation.Name, s.Offset, s.Length)), Json);
        meta["sha256"] = Placeholder;
        meta["model"] = JsonSerializer.Serialize(metadata, Json);
        Write(path, tensors, meta);
    }

    /// <summary>Reads and verifies a model file.</summary>
    /// <exception cref="ModelFormatException">The file is truncated, damaged, of another format, or newer than this build.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static StoredModel Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new ModelFormatException(path, $"the file has {bytes.Length} bytes, too short for a model file header.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)Math.Min(MaxHeaderBytes, bytes.Length - 8))
            throw new ModelFormatException(path, $"the header claims {headerLength} bytes but the file has {bytes.Length - 8} after the length; the file is truncated or not a model file.");
        var payload = bytes.AsMemory(8 + (int)headerLength);
        JsonElement root;
        try { root = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength)).RootElement; }
        catch (JsonException e) { throw new ModelFormatException(path, $"the header is not valid JSON ({e.Message})."); }
        var meta = Header.ReadMetadata(path, root);
        string expected = meta.GetValueOrDefault("sha256", "");
        bool wholeFile = int.Parse(meta["version"], System.Globalization.CultureInfo.InvariantCulture) >= 2;
        if (wholeFile)
        {
            var headerBytes = bytes.AsSpan(8, (int)headerLength).ToArray();
            if (expected.Length != 64 || FileChecksum.DigestOffset(headerBytes, expected) is not { } at)
                throw new ModelFormatException(path, "the header's sha256 entry is missing or malformed; the file is damaged.");
            Encoding.ASCII.GetBytes(Placeholder).CopyTo(headerBytes, at);
            if (FileChecksum.Compute(bytes.AsSpan(0, 8), headerBytes, payload.Span) != expected)
                throw new ModelFormatException(path, "the file does not match its SHA-256 checksum (header or tensors changed); the file is damaged.");
        }
        else if (Convert.ToHexStringLower(SHA256.HashData(payload.Span)) != expected)
            throw new ModelFormatException(path, "the tensor data does not match its SHA-256 checksum; the file is damaged.");
        return Header.ReadModel(path, root, meta, payload, headerVerified: wholeFile, fileBytes: bytes.Length);
    }

    internal sealed record SegmentDto(string Activation, int Offset, int Length);

    internal static ActivationMap ReadActivation(string path, string json)
    {
        try
        {
            var segments = JsonSerializer.Deserialize<SegmentDto[]>(json, Json) ?? [];
            return ActivationMap.FromSegments(segments.Select(s => new ActivationSegment(s.Offset, s.Length, ActivationParser.Parse(s.Activation))));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new ModelFormatException(path, $"the activation map '{json}' cannot be read ({e.Message}).");
        }
    }
}
