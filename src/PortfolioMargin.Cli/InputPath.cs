using PortfolioMargin.Storage.Input;

namespace PortfolioMargin.Cli;

/// <summary>An input option's path: "-" stays "-" (standard input, as Unix tools read it); anything else becomes absolute.</summary>
internal static class InputPath
{
    public static string? Of(FileInfo? file) =>
        file is null ? null : file.ToString() == InputLoader.StandardInput ? InputLoader.StandardInput : file.FullName;
}
