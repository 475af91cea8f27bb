namespace TrainingLrs.Authoring.Compilation;

/// <summary>
/// Where files go. The same tree is used for the web output and inside every zip, so one rendered page
/// works in both: <c>assets/…</c>, <c>&lt;module&gt;/&lt;lang&gt;/index.html</c> and its <c>media/</c>.
/// </summary>
internal static class PackageLayout
{
    public const string ConfigFile = "assets/lrs-config.js";

    public static string PageFolder(string moduleId, string language) => $"{moduleId}/{language}";

    public static string Page(string pageFolder) => pageFolder + "/index.html";

    public static string Media(string pageFolder, MediaFile media) => pageFolder + "/" + media.Url;

    /// <summary>Every file a single-module package holds for a page, except the manifest.</summary>
    public static SortedSet<string> Files(string pageFolder, IEnumerable<MediaFile> media, IEnumerable<string> assets)
    {
        var files = new SortedSet<string>(assets, StringComparer.Ordinal) { ConfigFile, Page(pageFolder) };
        foreach (var file in media)
        {
            files.Add(Media(pageFolder, file));
        }

        return files;
    }
}
