using System.Numerics;
using Idl.Numerics.Projections;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Projections;

/// <summary>
/// The in-place projection must equal the out-of-place one on rows outside the ball (issue 8: a retry re-read a row it
/// had already overwritten and thresholded it twice, zeroing up to half the projected rows).
/// </summary>
public sealed class L1BallInPlaceTests
{
    public static TheoryData<L1ProjectionMethod> Methods => [L1ProjectionMethod.Sort, L1ProjectionMethod.Michelot, L1ProjectionMethod.Bisection];

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_RandomRowsOutsideBall_BitIdenticalToProjectFloat64(L1ProjectionMethod method) =>
        AssertInPlaceEqualsOutOfPlace(Rand.Matrix<double>(200, 200, seed: 8, scale: 1.0), 0.95, method);

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_RandomRowsOutsideBall_BitIdenticalToProjectFloat32(L1ProjectionMethod method) =>
        AssertInPlaceEqualsOutOfPlace(Rand.Matrix<float>(200, 200, seed: 8, scale: 1.0), 0.95, method);

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_LargeThreshold_MatchesProjectAndKeepsRowsNonZero(L1ProjectionMethod method)
    {
        // Rows with ‖a‖₁ ≈ 5000 projected to κ = 0.3 need λ close to max|aᵢ|: the second threshold of the old bug
        // removed every entry of them.
        var a = Rand.Matrix<float>(64, 300, seed: 12, scale: 30.0);
        AssertInPlaceEqualsOutOfPlace(a, 0.3, method);
        new L1BallProjection(method).ProjectInPlace(a, 0.3);
        for (int i = 0; i < a.Rows; i++)
            Tol.Close(0.3, L1(a.Row(i)), 1e-6, $"row {i} ‖p‖₁");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_RowsAFewUlpsOutside_MatchesProject(L1ProjectionMethod method)
    {
        var a = Rand.Matrix<double>(50, 37, seed: 31, scale: 1.0);
        for (int i = 0; i < a.Rows; i++)
        {
            // Scale the row so its ℓ1 norm lands on κ, then nudge it 1..i ulps outward entry by entry.
            var row = a.Row(i);
            double scale = 0.95 / L1(row);
            for (int j = 0; j < row.Length; j++) row[j] *= scale;
            for (int j = 0; j < Math.Min(i + 1, row.Length); j++) row[j] = row[j] < 0 ? double.BitDecrement(row[j]) : double.BitIncrement(row[j]);
        }
        AssertInPlaceEqualsOutOfPlace(a, 0.95, method);
        AssertInPlaceEqualsOutOfPlace(a.Convert<float>(), 0.95f, method);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_OutsideBall_SatisfiesKkt(L1ProjectionMethod method)
    {
        var a = Rand.Matrix<double>(40, 60, seed: 17, scale: 1.5);
        var p = a.Clone();
        new L1BallProjection(method).ProjectInPlace(p, 0.95);
        double tolerance = method == L1ProjectionMethod.Bisection ? 1e-9 : 1e-12;
        for (int i = 0; i < a.Rows; i++)
        {
            // Optimality of min ‖p − a‖ s.t. ‖p‖₁ ≤ κ: a − p = λ·sign(p) on the support, |a| ≤ λ off it, ‖p‖₁ = κ.
            var support = Enumerable.Range(0, a.Cols).Where(j => p[i, j] != 0).ToArray();
            Assert.NotEmpty(support);
            double lambda = support.Average(j => (a[i, j] - p[i, j]) * Math.Sign(p[i, j]));
            Assert.True(lambda > 0, $"row {i}: λ = {lambda}");
            foreach (int j in support) Tol.Close(lambda, (a[i, j] - p[i, j]) * Math.Sign(p[i, j]), tolerance, $"row {i} λ at {j}");
            for (int j = 0; j < a.Cols; j++)
                if (p[i, j] == 0) Assert.True(Math.Abs(a[i, j]) <= lambda * (1 + tolerance), $"row {i}: |a| {Math.Abs(a[i, j])} > λ {lambda}");
            Tol.Close(0.95, L1(p.Row(i)), tolerance, $"row {i} ‖p‖₁");
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_TwoThreads_SameAsOutOfPlace(L1ProjectionMethod method)
    {
        var a = Rand.Matrix<float>(97, 41, seed: 5, scale: 2.0);
        var expected = new L1BallProjection(method).Project(a, 0.7, out _);
        new L1BallProjection(method, threads: 2).ProjectInPlace(a, 0.7);
        Assert.Equal(expected.Data, a.Data);
    }

    private static void AssertInPlaceEqualsOutOfPlace<T>(Matrix<T> a, double kappa, L1ProjectionMethod method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var projection = new L1BallProjection(method);
        var expected = projection.Project(a, kappa, out var expectedResult);
        var inPlace = a.Clone();
        var result = projection.ProjectInPlace(inPlace, kappa);
        Assert.True(expectedResult.RowsProjected > 0);
        Assert.Equal(expectedResult, result);
        for (int k = 0; k < a.Data.Length; k++)
            Assert.True(expected.Data[k] == inPlace.Data[k], $"{typeof(T).Name} {method}: entry ({k / a.Cols}, {k % a.Cols}) is {inPlace.Data[k]} in place, {expected.Data[k]} out of place");
    }

    private static double L1<T>(Span<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T x in row) sum += Math.Abs(double.CreateTruncating(x));
        return sum;
    }
}
