using System.Numerics;

namespace Idl.Numerics;

/// <summary>Shape checks at public entry points; every message names both shapes.</summary>
internal static class Guard
{
    public static void SameShape<T>(Matrix<T> expected, Matrix<T> actual, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected.Rows != actual.Rows || expected.Cols != actual.Cols)
            throw new ArgumentException($"{name} is {actual.Shape} but must be {expected.Shape}.", name);
    }

    public static void Shape<T>(Matrix<T> m, int rows, int cols, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m.Rows != rows || m.Cols != cols)
            throw new ArgumentException($"{name} is {m.Shape} but must be {rows}x{cols}.", name);
    }

    public static void Square<T>(Matrix<T> m, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m.Rows != m.Cols)
            throw new ArgumentException($"{name} must be square but is {m.Shape}.", name);
    }

    public static void Rows<T>(Matrix<T> m, int rows, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m.Rows != rows)
            throw new ArgumentException($"{name} has {m.Rows} rows ({m.Shape}) but must have {rows}.", name);
    }
}
