using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.StateMatrices;

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

    public static StoredModel ReadModel(string path, JsonElement root, Dictionary<string, string> meta, ReadOnlyMemory<byte> payload, bool headerVerified, long fileBytes)
    {
        var activation = ModelFile.ReadActivation(path, meta.GetValueOrDefault("activation", "[]"));
        ModelMetadata metadata;
        try { metadata = JsonSerializer.Deserialize<ModelMetadata>(meta.GetValueOrDefault("model", "{}")) ?? new(); }
        catch (JsonException e) { throw new ModelFormatException(path, $"the model metadata cannot be read ({e.Message})."); }
        int version = int.Parse(meta["version"], CultureInfo.InvariantCulture);
        var form = Form(path, meta, version);
        var tensors = new StoredTensors(path, root, payload, form == StateMatrixForm.Dense ? "A" : "B");
        if (!root.TryGetProperty(tensors.Reference, out var t)) throw new ModelFormatException(path, $"tensor '{tensors.Reference}' is missing.");
        string dtype = t.ValueKind == JsonValueKind.Object && t.TryGetProperty("dtype", out var d) ? d.GetString() ?? "" : "";
        return dtype switch
        {
            "F32" => new StoredModel(Build<float>(tensors, form, activation), null, metadata, version, headerVerified, fileBytes),
            "F64" => new StoredModel(null, Build<double>(tensors, form, activation), metadata, version, headerVerified, fileBytes),
            _ => throw new ModelFormatException(path, $"tensor {tensors.Reference} has dtype '{dtype}'; expected F32 or F64."),
        };
    }

    private static StateMatrixForm Form(string path, Dictionary<string, string> meta, int version)
    {
        if (!meta.TryGetValue(ModelFile.StateMatrixKey, out var name)) return StateMatrixForm.Dense;
        if (version < ModelFile.Version)
            throw new ModelFormatException(path, $"{ModelFile.StateMatrixKey} '{name}' needs format version {ModelFile.Version} but the file says {version}.");
        return name switch
        {
            "low-rank" => StateMatrixForm.LowRank,
            "csr" => StateMatrixForm.Sparse,
            _ => throw new ModelFormatException(path, $"{ModelFile.StateMatrixKey} is '{name}'; expected low-rank or csr."),
        };
    }

    private static StructuredModel<T> Build<T>(StoredTensors tensors, StateMatrixForm form, ActivationMap activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            var b = tensors.Matrix<T>("B", 2)!;
            var c = tensors.Matrix<T>("C", 2)!;
            var dm = tensors.Matrix<T>("D", 2)!;
            var sb = tensors.Matrix<T>("state_bias", 1, optional: true);
            var ob = tensors.Matrix<T>("output_bias", 1, optional: true);
            if (form == StateMatrixForm.Dense)
                return StructuredModel<T>.Dense(new ImplicitModel<T>(tensors.Matrix<T>("A", 2)!, b, c, dm, activation, sb?.Data, ob?.Data));
            tensors.Refuse("A", $"the file stores A as {(form == StateMatrixForm.LowRank ? "low-rank factors" : "CSR")}");
            var a = form == StateMatrixForm.LowRank ? LowRank<T>(tensors) : Sparse<T>(tensors, b.Rows);
            return new StructuredModel<T>(a, b, c, dm, activation, sb?.Data, ob?.Data);
        }
        catch (ArgumentException e) { throw new ModelFormatException(tensors.Path, $"the tensors do not form a model ({e.Message})."); }
    }

    private static StateMatrix<T> LowRank<T>(StoredTensors tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var name in new[] { "A_values", "A_col_indices", "A_row_offsets" }) tensors.Refuse(name, "the file stores A as low-rank factors");
        return new LowRankStateMatrix<T>(tensors.Matrix<T>("A_L", 2)!, tensors.Matrix<T>("A_R", 2)!);
    }

    private static StateMatrix<T> Sparse<T>(StoredTensors tensors, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var name in new[] { "A_L", "A_R" }) tensors.Refuse(name, "the file stores A as CSR");
        var values = tensors.Matrix<T>("A_values", 1)!.Data;
        var columns = tensors.Integers("A_col_indices", allowLong: false);
        var offsets = tensors.Integers("A_row_offsets", allowLong: true);
        return new SparseStateMatrix<T>(new CsrMatrix<T>(n, n, values, columns, offsets));
    }
}
