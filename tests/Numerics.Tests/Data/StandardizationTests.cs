using Idl.Numerics.Data;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Data;

public sealed class StandardizationTests
{
    private static Dataset Sample()
    {
        // Column 0 has a large offset, column 1 is constant, column 2 is spread out.
        var rng = new Random(5);
        var inputs = new float[3 * 100];
        for (int i = 0; i < 100; i++)
        {
            inputs[3 * i] = 1000f + (float)rng.NextDouble();
            inputs[3 * i + 1] = 7f;
            inputs[3 * i + 2] = (float)(rng.NextDouble() * 50 - 10);
        }
        return Dataset.ForRegression("s", inputs, 3, new float[100], 1);
    }

    [Fact]
    public void ApplyToFeatures_FittedOnTrain_MeanZeroStdOne()
    {
        var train = Sample();
        var z = Standardization.FitFeatures(train).ApplyToFeatures(train);
        foreach (int j in new[] { 0, 2 })
        {
            var column = Enumerable.Range(0, 100).Select(i => (double)z.Features(i)[j]).ToArray();
            double mean = column.Average();
            Tol.Close(0, mean, 1e-4, "mean");
            Tol.Close(1, Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / 100), 1e-4, "std");
        }
    }

    [Fact]
    public void FitFeatures_ConstantColumn_StdOneAndMapsToZero()
    {
        var train = Sample();
        var s = Standardization.FitFeatures(train);
        Assert.Equal(1.0, s.Std[1]);
        Assert.Equal(0f, s.ApplyToFeatures(train).Features(17)[1]);
    }

    [Fact]
    public void Invert_AfterApplyOnModelLayout_RecoversInput()
    {
        var train = Sample();
        var s = Standardization.FitFeatures(train);
        var u = train.All<double>().U;
        var copy = u.Clone();
        s.Apply(copy);
        s.Invert(copy);
        Tol.Close(u, copy, 1e-9);
    }

    [Fact]
    public void Apply_ModelLayout_AgreesWithSampleMajor()
    {
        var train = Sample();
        var s = Standardization.FitFeatures(train);
        var u = train.All<float>().U;
        s.Apply(u);
        Tol.Close(s.ApplyToFeatures(train).All<float>().U, u, 1e-6);
    }

    [Fact]
    public void Apply_WrongWidth_Throws()
    {
        var s = Standardization.FitFeatures(Sample());
        Assert.Throws<ArgumentException>(() => s.Apply(new Matrix<double>(2, 4)));
    }
}
