namespace Idl.Numerics.Data;

/// <summary>Helpers shared by the synthetic generators.</summary>
internal static class SyntheticData
{
    /// <summary>Random stream numbers: the model's weights, then the inputs of each part, so that the test part
    /// comes from the same model as the training part but from fresh inputs.</summary>
    public const long ModelStream = 0, TrainStream = 1, TestStream = 2;

    public static long InputStream(DataPart part) => part == DataPart.Train ? TrainStream : TestStream;

    /// <summary>A rows×cols row-major matrix of N(0, scale²) entries.</summary>
    public static double[] Gaussian(SeededRandom rng, int rows, int cols, double scale)
    {
        var a = new double[rows * cols];
        for (int i = 0; i < a.Length; i++) a[i] = scale * rng.NextGaussian();
        return a;
    }

    /// <summary>Packs inputs and outputs into a regression set, or a classification set labelled by argmax of y.</summary>
    public static Dataset Build(string name, string description, DataTask task, double[] u, int p, double[] y, int q)
    {
        var inputs = Array.ConvertAll(u, v => (float)v);
        if (task == DataTask.Regression)
            return Dataset.ForRegression(name, inputs, p, Array.ConvertAll(y, v => (float)v), q, description: description);
        int m = u.Length / p;
        var labels = new int[m];
        for (int i = 0; i < m; i++)
        {
            int best = 0;
            for (int o = 1; o < q; o++) if (y[i * q + o] > y[i * q + best]) best = o;
            labels[i] = best;
        }
        return Dataset.ForClassification(name, inputs, p, labels, q, description: description);
    }
}
