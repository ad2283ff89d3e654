namespace Idl.Grains.Contracts;

/// <summary>A finished run's model as an <c>.idl</c> file, for the dashboard's download (key: the run id; the same
/// activation as the run's <see cref="ITrainingCoordinatorGrain"/>).</summary>
[Alias("idl.IRunModelGrain")]
public interface IRunModelGrain : IGrainWithStringKey
{
    /// <summary>The model file of a completed run (its final checkpoint, with the input scaling and solver it was
    /// trained with, so that <c>idl predict</c> reproduces its predictions); null while the run is not completed.</summary>
    [Alias("ModelFile")]
    Task<byte[]?> ModelFileAsync();
}
