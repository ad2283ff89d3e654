using Idl.Grains.Contracts;
using Idl.Numerics.Attacks;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;

namespace Idl.Grains.Attacks;

/// <summary>The one loop over a slice's samples, shared by the grain and the in-process <c>idl attack --method lp</c>.</summary>
public static class LpAttackSliceRunner
{
    /// <summary>Attacks each sample (row of <paramref name="inputs"/>); <paramref name="onSample"/> sees every result.</summary>
    public static LpAttackSliceResult Run(ImplicitModel<double> model, LpAttack attack, double[] inputs, int[] labels, double[] lower, double[] upper,
        CancellationToken cancellationToken, Action<int, LpAttackResult?>? onSample = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(attack);
        int p = model.InputSize;
        if (inputs.Length != labels.Length * p)
            throw new ArgumentException($"The slice has {inputs.Length} input values for {labels.Length} samples of p = {p}.", nameof(inputs));
        int correct = 0, flipped = 0, certified = 0, unsolved = 0;
        for (int s = 0; s < labels.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LpAttackResult r;
            try
            {
                r = attack.Attack(model, inputs.AsSpan(s * p, p).ToArray(), labels[s], lower, upper, LpAttack.VerificationSolver);
            }
            catch (BoundUnavailableException)
            {
                // One LP the solver cannot finish must not discard the others; it is counted instead.
                unsolved++;
                onSample?.Invoke(s, null);
                continue;
            }
            if (r.CleanPrediction == labels[s])
            {
                correct++;
                flipped += r.Flipped ? 1 : 0;
                certified += attack.Objective == LpAttackObjective.Margin && r.Bound < 0 ? 1 : 0;
            }
            onSample?.Invoke(s, r);
        }
        return new LpAttackSliceResult(labels.Length, correct, flipped, certified, unsolved);
    }
}
