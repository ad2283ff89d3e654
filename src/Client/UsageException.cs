namespace Idl.Client;

/// <summary>A command-line value is invalid; the message names the option and the value.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    /// <summary>Builds the standard message: <c>--option VALUE: problem</c>.</summary>
    public static UsageException For(string option, object? value, string problem) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{option} {value}: {problem}"));

    /// <summary>
    /// Runs a validation of the grains' (a run or sweep spec, checked in the client or inside a grain). Their validators
    /// throw <see cref="ArgumentException"/>s whose messages start with the option ("--shards = 9 exceeds ..."):
    /// those are the user's input and become usage errors; any other ArgumentException stays a bug.
    /// </summary>
    public static async Task<T> FromSpecAsync<T>(Func<Task<T>> validate)
    {
        try { return await validate(); }
        catch (ArgumentException e) when (e.Message.StartsWith("--", StringComparison.Ordinal)) { throw new UsageException(Plain(e)); }
    }

    /// <summary>The synchronous form of <see cref="FromSpecAsync{T}"/>.</summary>
    public static T FromSpec<T>(Func<T> validate)
    {
        try { return validate(); }
        catch (ArgumentException e) when (e.Message.StartsWith("--", StringComparison.Ordinal)) { throw new UsageException(Plain(e)); }
    }

    /// <summary>An exception's message without .NET's "(Parameter 'x')" and "Actual value was" tails, which name
    /// internal parameters rather than the option the user typed.</summary>
    public static string Plain(Exception e) =>
        e.Message.Split(" (Parameter '")[0].Split(Environment.NewLine + "Actual value was")[0].Trim();
}
