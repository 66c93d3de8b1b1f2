using PortfolioMargin.Core.Input;

namespace PortfolioMargin.Storage.Tests.Input;

internal static class InputAssert
{
    /// <summary>Asserts that parsing fails at exactly this file, line and field; returns the error for message checks.</summary>
    public static InputException FailsAt(Action parse, string file, int line, string field)
    {
        var error = Assert.Throws<InputException>(parse);
        Assert.Equal((file, line, field), (error.File, error.Line, error.Field));
        return error;
    }
}
