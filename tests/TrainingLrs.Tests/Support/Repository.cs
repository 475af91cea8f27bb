namespace TrainingLrs.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Themes => Path.Combine(Root, "themes");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingLrs.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("cannot find TrainingLrs.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the repository's content into <paramref name="destination"/> so a test can break it.</summary>
    public static void CopyContent(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
