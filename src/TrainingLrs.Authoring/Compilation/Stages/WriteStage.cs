using System.Text;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Creates the staging folder beside the output folder and writes the web lessons into it.</summary>
internal static class WriteStage
{
    public const string WebFolder = "web";

    public static void Run(CompileContext context)
    {
        if (context.Options.DryRun)
        {
            return;
        }

        var parent = Path.GetDirectoryName(context.OutputRoot)!;
        Directory.CreateDirectory(parent);
        context.StagingRoot = Path.Combine(parent, $".{Path.GetFileName(context.OutputRoot)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(context.StagingRoot);
        if (!context.Options.Formats.HasFlag(PackageFormats.Web))
        {
            return;
        }

        var web = Path.Combine(context.StagingRoot, WebFolder);
        foreach (var (path, source) in context.Assets)
        {
            Copy(source, Path.Combine(web, path));
        }

        WriteText(Path.Combine(web, PackageLayout.ConfigFile), LrsConfigScript.Build("web", context.Options.Lrs));
        foreach (var page in context.Pages)
        {
            WriteBytes(Path.Combine(web, PackageLayout.Page(page.PageFolder)), page.Html);
            foreach (var media in page.Media)
            {
                Copy(media.SourcePath, Path.Combine(web, PackageLayout.Media(page.PageFolder, media)));
            }
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }

    private static void WriteBytes(string target, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
    }

    private static void WriteText(string target, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text, new UTF8Encoding(false));
    }
}
