namespace Idl.Client;

/// <summary>A command-line value is invalid; the message names the option and the value.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    /// <summary>Builds the standard message: <c>--option VALUE: problem</c>.</summary>
    public static UsageException For(string option, object? value, string problem) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{option} {value}: {problem}"));
}
