using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Training;

/// <summary>Loss, accuracy (classification) or RMSE (regression) of a model on a data set, in batches.</summary>
public sealed record Evaluation(double Loss, double? Accuracy, double? Rmse, int Samples, int NonConverged, double ForwardIterationsMean)
{
    /// <summary>The loss a data set's task trains with: mean softmax cross-entropy or mean ½‖·‖².</summary>
    public static ILoss LossFor(DataTask task) =>
        task == DataTask.Classification ? new SoftmaxCrossEntropy(Reduction.Mean) : new SquaredLoss(Reduction.Mean);

    /// <summary>Evaluates <paramref name="model"/> on all of <paramref name="data"/>.</summary>
    /// <param name="targetScaling">For regression trained on standardised targets: the loss stays in the trained
    /// (standardised) units, the RMSE is reported in the original units.</param>
    public static Evaluation Run<T>(ImplicitModel<T> model, Dataset data, IEquilibriumSolver solver, int batchSize = 1024,
        Standardization? targetScaling = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        return Batches<T>(u => model.Predict(u, solver), data, batchSize, targetScaling);
    }

    /// <summary>Evaluates a model whose A is kept in its stored form (dense, low-rank or sparse) on all of <paramref name="data"/>.</summary>
    public static Evaluation Run<T>(StructuredModel<T> model, Dataset data, IEquilibriumSolver solver, int batchSize = 1024,
        Standardization? targetScaling = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        return Batches<T>(u => model.Predict(u, solver), data, batchSize, targetScaling);
    }

    private static Evaluation Batches<T>(Func<Matrix<T>, Prediction<T>> predict, Dataset data, int batchSize, Standardization? targetScaling)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var loss = LossFor(data.Task);
        double lossSum = 0, squared = 0;
        long correct = 0, iterations = 0;
        int nonConverged = 0, batches = 0;
        for (int start = 0; start < data.SampleCount; start += batchSize)
        {
            int count = Math.Min(batchSize, data.SampleCount - start);
            var batch = data.Batch<T>(Enumerable.Range(start, count).ToArray());
            var prediction = predict(batch.U);
            iterations += prediction.Equilibrium.Iterations;
            batches++;
            if (!prediction.Equilibrium.IsConverged) nonConverged++;
            lossSum += loss.Evaluate(batch.Y, prediction.Output) * count;
            if (batch.Labels is { } labels) correct += CountCorrect(prediction.Output, labels);
            else if (targetScaling is null) squared += SquaredError(batch.Y, prediction.Output);
            else
            {
                var (y, yhat) = (batch.Y.Clone(), prediction.Output.Clone());
                targetScaling.Invert(y);
                targetScaling.Invert(yhat);
                squared += SquaredError(y, yhat);
            }
        }
        int m = data.SampleCount;
        bool classification = data.Task == DataTask.Classification;
        return new Evaluation(
            m == 0 ? 0 : lossSum / m,
            classification && m > 0 ? (double)correct / m : null,
            !classification && m > 0 ? Math.Sqrt(squared / ((double)m * data.OutputCount)) : null,
            m, nonConverged, batches == 0 ? 0 : (double)iterations / batches);
    }

    /// <summary>Columns whose highest score is at the label's row.</summary>
    public static int CountCorrect<T>(Matrix<T> scores, int[] labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var predicted = ClassScores.ArgMax(scores);
        int correct = 0;
        for (int j = 0; j < predicted.Length; j++)
            if (predicted[j] == labels[j]) correct++;
        return correct;
    }

    private static double SquaredError<T>(Matrix<T> y, Matrix<T> yhat) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double d = double.CreateTruncating(yhat.Data[i] - y.Data[i]);
            s += d * d;
        }
        return s;
    }
}
