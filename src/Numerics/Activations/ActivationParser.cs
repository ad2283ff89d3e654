using System.Globalization;

namespace Idl.Numerics.Activations;

/// <summary>Reads activation names as written by <see cref="Activation.Name"/> (model files, command line).</summary>
public static class ActivationParser
{
    /// <summary>The accepted spellings, for help texts and error messages.</summary>
    public const string Accepted = "relu, leaky_relu(ALPHA), tanh, sigmoid, identity, softmax(BLOCK)";

    /// <summary>Parses <c>relu</c>, <c>leaky_relu(0.01)</c>, <c>tanh</c>, <c>sigmoid</c>, <c>identity</c> or <c>softmax(10)</c>.</summary>
    /// <exception cref="FormatException">The name is not one of those; the message lists the accepted ones.</exception>
    public static Activation Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string s = name.Trim().ToLowerInvariant();
        switch (s)
        {
            case "relu": return Relu.Instance;
            case "tanh": return Tanh.Instance;
            case "sigmoid": return Sigmoid.Instance;
            case "identity" or "linear": return Identity.Instance;
            case "leaky_relu": return new LeakyRelu();
        }
        if (TryArgument(s, "leaky_relu", out string arg)
            && double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out double alpha))
            return new LeakyRelu(alpha);
        if (TryArgument(s, "softmax", out arg)
            && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int block) && block >= 1)
            return new BlockSoftmax(block);
        throw new FormatException($"Unknown activation '{name}'; expected one of: {Accepted}.");
    }

    private static bool TryArgument(string s, string head, out string argument)
    {
        argument = "";
        if (!s.StartsWith(head + "(", StringComparison.Ordinal) || !s.EndsWith(')')) return false;
        argument = s[(head.Length + 1)..^1];
        return true;
    }
}
