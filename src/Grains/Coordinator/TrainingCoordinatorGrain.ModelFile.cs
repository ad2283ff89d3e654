using System.Globalization;
using Idl.Grains.Contracts;
using Idl.Numerics.Serialization;

namespace Idl.Grains.Coordinator;

// The completed run's final checkpoint as a model file, with the input (and regression target) scaling the shards
// applied, so that prediction from the file undoes them as the run's own evaluation did.
public sealed partial class TrainingCoordinatorGrain : IRunModelGrain
{
    /// <inheritdoc />
    public Task<byte[]?> ModelFileAsync()
    {
        if (S.State != RunState.Completed || _completing || S.Model is not { } parameters || S.Spec is not { } spec || S.Layout is not { } layout)
            return Task.FromResult<byte[]?>(null);
        var metadata = new ModelMetadata
        {
            Task = layout.Classification ? "classification" : "regression",
            Classes = layout.Classification ? layout.Outputs : 0,
            Kappa = spec.Kappa, Solver = Idl.Numerics.Solvers.SolverFactory.Name(spec.Solver.Kind), Tolerance = spec.Solver.Tolerance, MaxIterations = spec.Solver.MaxIterations,
            InputMean = layout.ScaleMean ?? [], InputStd = layout.ScaleStd ?? [], TargetMean = layout.TargetMean ?? [], TargetStd = layout.TargetStd ?? [],
            Provenance = new Dictionary<string, string>
            {
                ["data"] = spec.DataSpec, ["trainer"] = "sgd", ["run_id"] = RunId,
                ["epochs"] = S.Epochs.Count.ToString(CultureInfo.InvariantCulture), ["seed"] = spec.Seed.ToString(CultureInfo.InvariantCulture),
                ["shards"] = layout.Shards.ToString(CultureInfo.InvariantCulture), ["created_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            },
        };
        string path = Path.Combine(Path.GetTempPath(), $"idl-model-{Guid.NewGuid():N}.idl");
        try
        {
            if (parameters.A.Element == PayloadElement.Float32) ModelFile.Save(path, parameters.ToModel<float>(), metadata);
            else ModelFile.Save(path, parameters.ToModel<double>(), metadata);
            return Task.FromResult<byte[]?>(File.ReadAllBytes(path));
        }
        finally { File.Delete(path); }
    }
}
