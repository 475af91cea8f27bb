namespace TrainingLrs.Authoring.Tests.Support;

/// <summary>Finds folders of the repository from the test binaries, so tests read the real files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Golden => Path.Combine(Root, "tests", "TrainingLrs.Authoring.Tests", "Golden");

    public static string Content => Path.Combine(Root, "content");

    public static string Themes => Path.Combine(Root, "themes");

    public static string Xsd => Path.GetFullPath(Path.Combine(Root, "..", "shared", "xsd"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrainingLrs.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TrainingLrs.sln not found above " + AppContext.BaseDirectory);
    }
}
