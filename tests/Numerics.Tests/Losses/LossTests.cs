using Idl.Numerics.Losses;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Losses;

public sealed class LossTests
{
    public static TheoryData<string> Names => new() { "squared-sum", "squared-mean", "ce-sum", "ce-mean" };

    private static ILoss Create(string name) => name switch
    {
        "squared-sum" => new SquaredLoss(),
        "squared-mean" => new SquaredLoss(Reduction.Mean),
        "ce-sum" => new SoftmaxCrossEntropy(),
        _ => new SoftmaxCrossEntropy(Reduction.Mean),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_Gradient_MatchesCentralDifferences(string name)
    {
        var loss = Create(name);
        var y = Rand.Matrix<double>(4, 6, seed: 1);
        for (int i = 0; i < y.Length; i++) y.Data[i] = Math.Abs(y.Data[i]) / 2.4;
        var yhat = Rand.Matrix<double>(4, 6, seed: 2, scale: 3);
        var g = new Matrix<double>(4, 6);
        loss.Evaluate(y, yhat, g);
        for (int i = 0; i < yhat.Length; i++)
        {
            double saved = yhat.Data[i];
            yhat.Data[i] = saved + 1e-6;
            double plus = loss.Evaluate(y, yhat);
            yhat.Data[i] = saved - 1e-6;
            double minus = loss.Evaluate(y, yhat);
            yhat.Data[i] = saved;
            Tol.Close((plus - minus) / 2e-6, g.Data[i], 1e-8, $"dL/dY[{i}]");
        }
    }

    [Fact]
    public void CrossEntropy_KnownAnswer_EqualsLogQForEqualScores()
    {
        // Equal scores give softmax 1/q, so each sample costs log q (eq. 6.2).
        var y = new Matrix<double>(10, 3);
        for (int j = 0; j < 3; j++) y[j, j] = 1;
        Tol.Close(3 * Math.Log(10), new SoftmaxCrossEntropy().Evaluate(y, new Matrix<double>(10, 3)), 1e-12);
    }

    [Fact]
    public void CrossEntropy_HugeScores_StaysFinite()
    {
        var y = new Matrix<double>(2, 1);
        y[0, 0] = 1;
        var yhat = Matrix<double>.FromArray(new double[,] { { 1000 }, { -1000 } });
        double l = new SoftmaxCrossEntropy().Evaluate(y, yhat);
        Assert.True(double.IsFinite(l) && l < 1e-12);
    }

    [Fact]
    public void Squared_ShapeMismatch_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SquaredLoss().Evaluate(new Matrix<double>(2, 3), new Matrix<double>(3, 2)));
        Assert.Contains("3x2", ex.Message);
        Assert.Contains("2x3", ex.Message);
    }
}
