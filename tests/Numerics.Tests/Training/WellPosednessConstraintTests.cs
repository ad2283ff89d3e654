using Idl.Numerics.Projections;
using Idl.Numerics.Training;

namespace Idl.Numerics.Tests.Training;

public sealed class WellPosednessConstraintTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Project_RowsOverThreads_SameBitsAsOneThreadAndFeasible(int threads)
    {
        var serial = TestSupport.Models.Random<double>(130, 7, 3, seed: 5, kappa: 4.0);
        var parallel = TestSupport.Models.Random<double>(130, 7, 3, seed: 5, kappa: 4.0);

        new WellPosednessConstraint(0.9).Project(serial);
        new WellPosednessConstraint(0.9, projection: new L1BallProjection(threads: threads)).Project(parallel);

        Assert.Equal(serial.A.Data, parallel.A.Data);
        Assert.True(Norms.InfinityNorm(parallel.A) <= 0.9 * (1 + 1e-12));
        Assert.True(Norms.InfinityNorm(TestSupport.Models.Random<double>(130, 7, 3, seed: 5, kappa: 4.0).A) > 0.9); // the projection had work to do
    }
}
