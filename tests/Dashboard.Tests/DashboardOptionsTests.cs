using Idl.Dashboard.Options;

namespace Idl.Dashboard.Tests;

public sealed class DashboardOptionsTests
{
    [Theory]
    [InlineData(0, "127.0.0.1", null)]
    [InlineData(8080, "::1", null)]
    [InlineData(65535, "0.0.0.0", "a-long-token")]
    public void Validate_GoodOptions_Passes(int port, string address, string? token) =>
        DashboardOptionsValidator.Validate(new DashboardOptions { Port = port, Address = address, Token = token });

    [Theory]
    [InlineData(-1, "127.0.0.1", null, "--dashboard-port")]
    [InlineData(65536, "127.0.0.1", null, "--dashboard-port")]
    [InlineData(80, "example.org", null, "--dashboard-address")]
    [InlineData(80, "0.0.0.0", null, "--dashboard-token")]
    [InlineData(80, "10.1.2.3", "", "--dashboard-token")]
    [InlineData(80, "127.0.0.1", "short", "--dashboard-token")]
    public void Validate_BadOptions_ThrowsNamingTheOption(int port, string address, string? token, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => DashboardOptionsValidator.Validate(new DashboardOptions { Port = port, Address = address, Token = token }));

        Assert.Contains(option, e.Message);
    }
}
