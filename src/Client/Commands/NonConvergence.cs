using Idl.Client.Output;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary>Says, on stderr and in every output mode, when solves hit the iteration limit: the model is still
/// written, but its gradients were computed from equilibria that were not reached.</summary>
internal static class NonConvergence
{
    public static void Warn(IReadOnlyList<EpochReport> epochs, int maxIterations, CliOutput output)
    {
        int total = epochs.Sum(e => e.NonConvergedSolves);
        if (total == 0) return;
        int affected = epochs.Count(e => e.NonConvergedSolves > 0);
        output.Info($"warning: {total} equilibrium solves stopped at --max-iter {maxIterations} without converging ({affected} of {epochs.Count} epochs); raise --max-iter or --tol, or lower --kappa. Evaluating this model may exit 5 (not converged).");
    }

    /// <summary>The explanation <c>evaluate</c> and <c>predict</c> give with exit code 5.</summary>
    public static void Explain(int failedBatches, int totalBatches, int maxIterations, double tolerance, CliOutput output) =>
        output.Info($"warning: the equilibrium solve did not converge for {failedBatches} of {totalBatches} batches within the model's {maxIterations} iterations (tolerance {tolerance:G3}); results above are from unconverged states, so the exit code is 5. Retrain with a larger --max-iter or a smaller --kappa.");
}
