namespace Idl.Client;

/// <summary>A command-line value is invalid; the message names the option and the value.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    /// <summary>Builds the standard message: <c>--option VALUE: problem</c>.</summary>
    public static UsageException For(string option, object? value, string problem) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{option} {value}: {problem}"));

    /// <summary>An exception's message without .NET's "(Parameter 'x')" and "Actual value was" tails, which name
    /// internal parameters rather than the option the user typed.</summary>
    public static string Plain(Exception e) =>
        e.Message.Split(" (Parameter '")[0].Split(Environment.NewLine + "Actual value was")[0].Trim();
}
