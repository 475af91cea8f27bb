using System.Text;

namespace TrainingLrs.Benchmarks.Compile;

/// <summary>The repository's course, its module folders repeated to scale the content.</summary>
internal static class BenchCourse
{
    /// <summary>Writes the course to <paramref name="content"/> with every module <paramref name="copies"/> times (ids suffixed); returns the page files.</summary>
    public static IReadOnlyList<string> Make(string repository, string content, int copies)
    {
        var source = Path.Combine(repository, "content");
        var modules = Directory.GetDirectories(Path.Combine(source, "modules")).Order(StringComparer.Ordinal).ToArray();
        var files = new List<string>();
        var list = new StringBuilder();
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var module in modules)
            {
                var folder = copy == 1 ? Path.GetFileName(module) : $"{Path.GetFileName(module)}-copy{copy}";
                var target = Path.Combine(content, "modules", folder);
                CopyFolder(module, target);
                foreach (var page in Directory.GetFiles(target, "*.md").Order(StringComparer.Ordinal))
                {
                    if (copy > 1)
                    {
                        var text = File.ReadAllText(page);
                        var id = text.Split('\n').First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
                        File.WriteAllText(page, text.Replace("id: " + id, $"id: {id}-copy{copy}", StringComparison.Ordinal));
                    }

                    files.Add(page);
                }

                list.Append($"  - folder: {folder}\n");
            }
        }

        var course = File.ReadAllText(Path.Combine(source, "course.yml"));
        course = course[..(course.IndexOf("\nmodules:", StringComparison.Ordinal) + 1)] + "modules:\n" + list;
        File.WriteAllText(Path.Combine(content, "course.yml"), course);
        return files;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
