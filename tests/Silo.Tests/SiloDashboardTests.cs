using Idl.Dashboard.Options;
using Idl.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Idl.Silo.Tests;

public sealed class SiloDashboardTests
{
    [Fact]
    public void Read_NoDashboardPort_Off() => Assert.Null(Read([], []));

    [Fact]
    public void Read_DashboardFlags_BindsPortAddressAndToken()
    {
        var o = Read(["--dashboard-port", "8088", "--dashboard-address", "0.0.0.0", "--dashboard-token", "flag-token-1"], [])!;

        Assert.Equal((8088, "0.0.0.0", "flag-token-1"), (o.Port, o.Address, o.Token));
    }

    [Fact]
    public void Read_PortOnly_LoopbackWithoutToken()
    {
        var o = Read(["--dashboard-port", "0"], [])!;

        Assert.Equal((0, "127.0.0.1", null), (o.Port, o.Address, o.Token));
        Assert.True(o.IsLoopback);
    }

    [Fact]
    public void Read_TokenInEnvironmentOnly_UsesIt()
    {
        var o = Read(["--dashboard-port", "8088"], new() { [DashboardOptions.TokenVariable] = "env-token-12" })!;

        Assert.Equal("env-token-12", o.Token);
    }

    [Fact]
    public void Read_TokenFlagAndEnvironment_FlagWins()
    {
        var o = Read(["--dashboard-port", "8088", "--dashboard-token", "flag-token-1"], new() { [DashboardOptions.TokenVariable] = "env-token-12" })!;

        Assert.Equal("flag-token-1", o.Token);
    }

    private static DashboardOptions? Read(string[] args, Dictionary<string, string> environment) =>
        SiloDashboard.Read(new ConfigurationBuilder().AddSiloFlags(SiloFlags.Normalize(args)).Build(), environment.GetValueOrDefault);
}
