using System.Text.Json.Nodes;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;
using Idl.Numerics.StateMatrices;
using Idl.Numerics.Tests.StateMatrices;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Serialization;

/// <summary>Format version 3: A stored as rank-k factors or as CSR, read back in that form.</summary>
public sealed class StructuredModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-structured-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ModelMetadata Meta = new() { Task = "classification", Classes = 3, Kappa = 0.8 };

    private string Saved(string form, bool single = false)
    {
        string path = Path.Combine(_dir, $"{form}-{(single ? 32 : 64)}.idl");
        var model = StructuredModelTests.Compressed(form);
        if (single) ModelFile.Save(path, model.Convert<float>(), Meta);
        else ModelFile.Save(path, model, Meta);
        return path;
    }

    [Theory]
    [InlineData("low-rank", StateMatrixForm.LowRank)]
    [InlineData("sparse", StateMatrixForm.Sparse)]
    public void SaveLoad_Float64_PredictionsEqualTheInMemoryModel(string form, StateMatrixForm expected)
    {
        var model = StructuredModelTests.Compressed(form);
        var stored = ModelFile.Load(Saved(form));
        Assert.Equal(expected, stored.Form);
        Assert.Equal(ModelFile.Version, stored.Version);
        Assert.True(stored.HeaderVerified);
        var u = Rand.Matrix<double>(4, 20, seed: 1);
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-12 });
        var back = stored.Structured<double>();
        Assert.Equal(expected, back.A.Form);
        Tol.Close(model.Predict(u, solver).Output, back.Predict(u, solver).Output, 1e-12);
        Tol.Close(model.ToImplicit().A, stored.Model<double>().A, 0);
    }

    [Theory]
    [InlineData("low-rank")]
    [InlineData("sparse")]
    public void SaveLoad_Float32_RoundTripsTheStructuredTensorsBitForBit(string form)
    {
        var model = StructuredModelTests.Compressed(form).Convert<float>();
        var stored = ModelFile.Load(Saved(form, single: true));
        Assert.Equal(Precision.Float32, stored.Precision);
        var back = stored.Structured<float>();
        Assert.Equal(model.A.ToDense().Data, back.A.ToDense().Data);
        Assert.Equal(model.StateBias, back.StateBias);
        var u = Rand.Matrix<float>(4, 9, seed: 2);
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-6 });
        Tol.Close(model.Predict(u, solver).Output, back.Predict(u, solver).Output, 0);
    }

    [Fact]
    public void Save_LowRank_FileSmallerThanDenseByTheFactorsRatio()
    {
        var model = TestSupport.Models.Random<double>(200, 5, 3, seed: 3, kappa: 0.8);
        var low = Idl.Numerics.Compression.LowRankModel.FromSvd(model, 10);
        string dense = Path.Combine(_dir, "d.idl"), small = Path.Combine(_dir, "l.idl");
        ModelFile.Save(dense, low.Model, Meta);
        ModelFile.Save(small, low.Structured, Meta);
        // A takes n² values dense and 2nk as factors; everything else, header aside, is the same.
        long saved = new FileInfo(dense).Length - new FileInfo(small).Length;
        long expected = (200L * 200 - 2L * 200 * 10) * sizeof(double);
        Assert.InRange(saved, expected - 200, expected + 200);
    }

    [Fact]
    public void Save_Sparse_FileSmallerThanDenseByTheCsrRatio()
    {
        var dense = Sparse.Matrix<float>(150, 150, 0.1, seed: 4, emptyRows: false);
        var model = TestSupport.Models.Random<float>(150, 5, 3, seed: 5);
        var csr = CsrMatrix<float>.FromDense(dense);
        string densePath = Path.Combine(_dir, "d.idl"), small = Path.Combine(_dir, "s.idl");
        ModelFile.Save(densePath, new ImplicitModel<float>(dense, model.B, model.C, model.D, model.Activation), Meta);
        ModelFile.Save(small, new StructuredModel<float>(new SparseStateMatrix<float>(csr), model.B, model.C, model.D, model.Activation), Meta);
        long saved = new FileInfo(densePath).Length - new FileInfo(small).Length;
        long expected = 150L * 150 * sizeof(float) - (csr.NonZeros * (sizeof(float) + sizeof(int)) + 151L * sizeof(long));
        Assert.InRange(saved, expected - 250, expected + 250);
        Assert.Equal(csr.NonZeros, ModelFile.Load(small).NonZeros);
    }

    [Fact]
    public void Save_DenseA_StaysVersion2WithoutAFormKey()
    {
        string path = Path.Combine(_dir, "d.idl");
        ModelFile.Save(path, TestSupport.Models.Random<double>(4, 2, 2, seed: 6), Meta);
        var header = Header(path);
        Assert.Equal("2", (string)header["__metadata__"]!["version"]!);
        Assert.Null(header["__metadata__"]!["state_matrix"]);
        Assert.Equal(StateMatrixForm.Dense, ModelFile.Load(path).Form);
    }

    [Theory]
    [InlineData("low-rank", "A_R")]
    [InlineData("sparse", "A_col_indices")]
    [InlineData("sparse", "A_row_offsets")]
    public void Load_FlippedStructuredTensorByte_FailsChecksum(string form, string tensor)
    {
        string path = Saved(form);
        var bytes = File.ReadAllBytes(path);
        int start = ModelFileEditor.Start(Header(path), tensor);
        bytes[8 + (int)BitConverter.ToUInt64(bytes, 0) + start] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("checksum", Assert.Throws<ModelFormatException>(() => ModelFile.Load(path)).Message);
    }

    public static TheoryData<string, string> Inconsistencies() => new()
    {
        { "offsets-decrease", "row offsets decrease" },
        { "column-out-of-range", "outside [0, 12)" },
        { "offsets-past-values", "row offsets end at" },
        { "columns-as-float", "expected I32" },
        { "factors-transposed", "both must be n×k" },
        { "dense-A-too", "tensor 'A' is present" },
        { "factors-in-csr-file", "tensor 'A_L' is present" },
        { "old-version", "needs format version 3" },
        { "unknown-form", "expected low-rank or csr" },
        { "offset-beyond-int", "beyond the 32-bit indices" },
        { "no-B", "tensor 'B' is missing" },
        // 1263665316 · 1824726041 = 2⁶¹ + 4, so 8 bytes per element wraps a long to the 32 bytes the entry claims.
        { "shape-wraps-long", "do not fit its shape" },
    };

    [Theory]
    [MemberData(nameof(Inconsistencies))]
    public void Load_InconsistentStructuredTensors_RefusedNamingTheProblem(string edit, string problem)
    {
        bool lowRank = edit is "factors-transposed" or "dense-A-too";
        string path = Saved(lowRank ? "low-rank" : "sparse");
        ModelFileEditor.Edit(path, (header, payload) =>
        {
            Span<long> Offsets() => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(payload.AsSpan(ModelFileEditor.Start(header, "A_row_offsets"), 13 * 8));
            Span<int> Columns() => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(payload.AsSpan(ModelFileEditor.Start(header, "A_col_indices"), 4));
            switch (edit)
            {
                case "offsets-decrease": Offsets()[1] = Offsets()[3] + 1; break;
                case "column-out-of-range": Columns()[0] = 12; break;
                case "offsets-past-values": Offsets()[12] += 1; break;
                case "columns-as-float": header["A_col_indices"]!["dtype"] = "F32"; break;
                case "factors-transposed": header["A_R"]!["shape"] = new JsonArray(4, 12); break;
                case "dense-A-too": header["A"] = header["A_L"]!.DeepClone(); break;
                case "factors-in-csr-file": header["A_L"] = header["B"]!.DeepClone(); break;
                case "old-version": header["__metadata__"]!["version"] = "2"; break;
                case "unknown-form": header["__metadata__"]!["state_matrix"] = "blocked"; break;
                case "offset-beyond-int": Offsets()[5] = 1L << 33; break;
                case "no-B": header.Remove("B"); break;
                case "shape-wraps-long":
                    long start = (long)header["B"]!["data_offsets"]![0]!;
                    (header["B"]!["shape"], header["B"]!["data_offsets"]) = (new JsonArray(1263665316, 1824726041), new JsonArray(start, start + 32));
                    break;
            }
        });
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("low-rank")]
    [InlineData("sparse")]
    public void PythonNumpyReader_StructuredFile_RebuildsAAndPredictsTheSame(string form)
    {
        var model = StructuredModelTests.Compressed(form);
        string path = Saved(form);
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "read_idl_model.py"), path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(psi)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "python did not finish");
        Assert.True(process.ExitCode == 0, $"python failed (needs Debian's python3-numpy): {stderr}");
        var o = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(form == "sparse" ? "csr" : "low-rank", (string)o["state_matrix"]!);
        Tol.Close(model.ToImplicit().A.Data.Sum(), (double)o["sums"]!["A"]!, 1e-12, "sum of A");
        var u = new Matrix<double>(4, 3);
        for (int i = 0; i < 12; i++) u.Data[i] = -1 + 2.0 * i / 11;
        var expected = model.Predict(u, new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-13 })).Output;
        var rows = o["prediction"]!.AsArray();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Tol.Close(expected[i, j], (double)rows[i]![j]!, 1e-9, $"prediction[{i},{j}]");
    }

    private static JsonObject Header(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return JsonNode.Parse(bytes.AsSpan(8, (int)BitConverter.ToUInt64(bytes, 0)))!.AsObject();
    }
}
