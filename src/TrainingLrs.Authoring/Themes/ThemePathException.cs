namespace TrainingLrs.Authoring.Themes;

/// <summary>Thrown when a theme file path is missing or points outside the theme folders.</summary>
internal sealed class ThemePathException : Exception
{
    /// <summary>Creates the exception with a message saying which path was refused and why.</summary>
    public ThemePathException(string message)
        : base(message)
    {
    }
}
