using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Idl.Numerics.Models;

namespace Idl.Numerics.Serialization;

/// <summary>Reads and validates the JSON header of a model file; every failure names the field.</summary>
internal static class Header
{
    public static Dictionary<string, string> ReadMetadata(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("__metadata__", out var m) || m.ValueKind != JsonValueKind.Object)
            throw new ModelFormatException(path, "the header has no __metadata__ object; this is not an idl model file.");
        var meta = new Dictionary<string, string>();
        foreach (var p in m.EnumerateObject())
            meta[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        if (meta.GetValueOrDefault("format") != ModelFile.Format)
            throw new ModelFormatException(path, $"format is '{meta.GetValueOrDefault("format")}', expected '{ModelFile.Format}'.");
        if (!int.TryParse(meta.GetValueOrDefault("version"), NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version < 1)
            throw new ModelFormatException(path, $"version '{meta.GetValueOrDefault("version")}' is not a format version.");
        if (version > ModelFile.Version)
            throw new ModelFormatException(path, $"format version {version} is newer than this build reads (up to {ModelFile.Version}); upgrade idl.");
        return meta;
    }

    public static StoredModel ReadModel(string path, JsonElement root, Dictionary<string, string> meta, ReadOnlyMemory<byte> payload, bool headerVerified)
    {
        var activation = ModelFile.ReadActivation(path, meta.GetValueOrDefault("activation", "[]"));
        ModelMetadata metadata;
        try { metadata = JsonSerializer.Deserialize<ModelMetadata>(meta.GetValueOrDefault("model", "{}")) ?? new(); }
        catch (JsonException e) { throw new ModelFormatException(path, $"the model metadata cannot be read ({e.Message})."); }
        string dtype = root.GetProperty("A").TryGetProperty("dtype", out var d) ? d.GetString() ?? "" : "";
        int version = int.Parse(meta["version"], CultureInfo.InvariantCulture);
        return dtype switch
        {
            "F32" => new StoredModel(Build<float>(path, root, payload, activation), null, metadata, version, headerVerified),
            "F64" => new StoredModel(null, Build<double>(path, root, payload, activation), metadata, version, headerVerified),
            _ => throw new ModelFormatException(path, $"tensor A has dtype '{dtype}'; expected F32 or F64."),
        };
    }

    private static ImplicitModel<T> Build<T>(string path, JsonElement root, ReadOnlyMemory<byte> payload, Activations.ActivationMap activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Tensor<T>(path, root, payload, "A", 2)!;
        var b = Tensor<T>(path, root, payload, "B", 2)!;
        var c = Tensor<T>(path, root, payload, "C", 2)!;
        var dm = Tensor<T>(path, root, payload, "D", 2)!;
        var sb = Tensor<T>(path, root, payload, "state_bias", 1, optional: true);
        var ob = Tensor<T>(path, root, payload, "output_bias", 1, optional: true);
        try { return new ImplicitModel<T>(a, b, c, dm, activation, sb?.Data, ob?.Data); }
        catch (ArgumentException e) { throw new ModelFormatException(path, $"the tensors do not form a model ({e.Message})."); }
    }

    private static Matrix<T>? Tensor<T>(string path, JsonElement root, ReadOnlyMemory<byte> payload, string name, int rank, bool optional = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!root.TryGetProperty(name, out var t))
            return optional ? null : throw new ModelFormatException(path, $"tensor '{name}' is missing.");
        string want = typeof(T) == typeof(float) ? "F32" : "F64";
        try
        {
            string dtype = t.GetProperty("dtype").GetString() ?? "";
            if (dtype != want) throw new ModelFormatException(path, $"tensor '{name}' has dtype {dtype} but A has {want}.");
            var shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = t.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (shape.Length != rank || shape.Any(s => s < 0)) throw new ModelFormatException(path, $"tensor '{name}' has shape [{string.Join(",", shape)}]; expected rank {rank}.");
            long count = shape.Aggregate(1L, (x, y) => x * y);
            int size = Marshal.SizeOf<T>();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] > payload.Length || offsets[1] - offsets[0] != count * size)
                throw new ModelFormatException(path, $"tensor '{name}' data_offsets [{string.Join(",", offsets)}] do not fit its shape or the file's {payload.Length} data bytes.");
            var data = MemoryMarshal.Cast<byte, T>(payload.Span.Slice((int)offsets[0], (int)(count * size))).ToArray();
            return rank == 2 ? new Matrix<T>(shape[0], shape[1], data) : new Matrix<T>(1, shape[0], data);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ModelFormatException(path, $"tensor '{name}' has a malformed header entry ({e.Message}).");
        }
    }
}
