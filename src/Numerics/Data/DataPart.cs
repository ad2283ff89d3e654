namespace Idl.Numerics.Data;

/// <summary>Which of a published data set's predefined parts to load.</summary>
public enum DataPart
{
    /// <summary>The training part (e.g. MNIST's 60,000 images, optdigits.tra).</summary>
    Train,

    /// <summary>The held-out test part (e.g. MNIST's 10,000 images, optdigits.tes).</summary>
    Test,
}
