namespace TrainingLrs.Authoring.Compilation;

/// <summary>
/// Where files go. The same tree is used for the web output and inside every zip, so one rendered page
/// works in both: <c>assets/…</c>, <c>&lt;module&gt;/&lt;lang&gt;/index.html</c> and its <c>media/</c>.
/// </summary>
internal static class PackageLayout
{
    public const string ConfigFile = "assets/lrs-config.js";

    public static string Page(Lesson lesson) => lesson.PageFolder + "/index.html";

    public static string Media(Lesson lesson, MediaFile media) => lesson.PageFolder + "/" + media.Url;

    /// <summary>Every file a single-module package holds for this lesson, except the manifest.</summary>
    public static SortedSet<string> Files(Lesson lesson, IEnumerable<string> assets)
    {
        var files = new SortedSet<string>(assets, StringComparer.Ordinal) { ConfigFile, Page(lesson) };
        foreach (var media in lesson.Media.Values)
        {
            files.Add(Media(lesson, media));
        }

        return files;
    }
}
