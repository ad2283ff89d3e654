namespace Idl.Numerics.Data;

/// <summary>What a data set's targets mean.</summary>
/// <remarks>
/// Named <c>DataTask</c> rather than <c>Task</c> so that files importing this namespace beside the implicit
/// <c>System.Threading.Tasks</c> using do not get an ambiguous <c>Task</c>.
/// </remarks>
public enum DataTask
{
    /// <summary>Integer class labels 0..K−1; the model's output is one score per class (one-hot targets).</summary>
    Classification,

    /// <summary>Real-valued targets, one column per output.</summary>
    Regression,
}
