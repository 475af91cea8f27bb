using System.Text;
using System.Xml.Linq;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Builds one zip per module, language and format (and optional course packages), in parallel.</summary>
internal static class PackageStage
{
    public const string PackagesFolder = "packages";

    private static readonly PackageFormats[] Formats = [PackageFormats.Scorm12, PackageFormats.Scorm2004, PackageFormats.Cmi5];

    public static void Run(CompileContext context)
    {
        var formats = Formats.Where(f => context.Options.Formats.HasFlag(f)).ToList();
        if (formats.Count == 0)
        {
            return;
        }

        // Read shared files once; every package reuses the same bytes.
        var assets = context.Assets.ToDictionary(a => a.Key, a => (ReadOnlyMemory<byte>)File.ReadAllBytes(a.Value), StringComparer.Ordinal);
        var pages = context.Lessons.ToDictionary(l => l, l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l.Html));
        var jobs = new List<(PackageFormats Format, string Language, IReadOnlyList<Lesson> Lessons, string? ModuleId)>();
        foreach (var format in formats)
        {
            jobs.AddRange(context.Lessons.Select(l => (format, l.Language, (IReadOnlyList<Lesson>)[l], (string?)l.Id)));
            if (context.Options.CoursePackages)
            {
                jobs.AddRange(context.Languages.Select(lang => (format, lang, (IReadOnlyList<Lesson>)[.. context.Lessons.Where(l => l.Language == lang)], (string?)null)));
            }
        }

        var outputs = new PackageOutput?[jobs.Count];
        var done = 0;
        Parallel.For(0, jobs.Count, context.Parallel, i =>
        {
            var (format, language, lessons, moduleId) = jobs[i];
            outputs[i] = Build(context, format, language, lessons, moduleId, assets, pages);
            context.Report(CompileStage.Package, Interlocked.Increment(ref done), jobs.Count, Path.GetFileName(outputs[i]!.Path));
        });
        context.Packages.AddRange(outputs.OfType<PackageOutput>());
    }

    private static PackageOutput Build(
        CompileContext context,
        PackageFormats format,
        string language,
        IReadOnlyList<Lesson> lessons,
        string? moduleId,
        Dictionary<string, ReadOnlyMemory<byte>> assets,
        Dictionary<Lesson, ReadOnlyMemory<byte>> pages)
    {
        var course = context.Course!;
        var formatName = FormatName(format);
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(assets, StringComparer.Ordinal)
        {
            [PackageLayout.ConfigFile] = Encoding.UTF8.GetBytes(LrsConfigScript.Build(formatName, context.Options.Lrs)),
        };
        var items = new List<PackageItem>();
        foreach (var lesson in lessons)
        {
            var files = new List<string> { PackageLayout.Page(lesson) };
            entries[PackageLayout.Page(lesson)] = pages[lesson];
            foreach (var media in lesson.Media.Values)
            {
                var path = PackageLayout.Media(lesson, media);
                entries[path] = File.ReadAllBytes(media.SourcePath);
                files.Add(path);
            }

            items.Add(new PackageItem(lesson.Id, course.ActivityIri(lesson.Id), lesson.FrontMatter!.Title, lesson.FrontMatter.Description,
                PackageLayout.Page(lesson), files, lesson.PassMark, lesson.Source.Module.MoveOn));
        }

        var single = moduleId is not null;
        var spec = new PackageSpec(
            Identifier: single ? $"TRL-{moduleId}-{language}" : $"TRL-course-{language}",
            CourseIri: single ? $"{course.Id.TrimEnd('/')}/{moduleId}/{language}" : $"{course.Id.TrimEnd('/')}/{language}",
            Title: single ? items[0].Title : course.TitleIn(language),
            Description: single ? items[0].Description : course.Description.GetValueOrDefault(language, ""),
            Language: language,
            Items: items,
            SharedFiles: [.. assets.Keys.Append(PackageLayout.ConfigFile).Order(StringComparer.Ordinal)]);
        var (manifestName, manifest) = format switch
        {
            PackageFormats.Scorm12 => ("imsmanifest.xml", Scorm12Manifest.Build(spec)),
            PackageFormats.Scorm2004 => ("imsmanifest.xml", Scorm2004Manifest.Build(spec)),
            _ => ("cmi5.xml", Cmi5Manifest.Build(spec)),
        };
        entries[manifestName] = Serialize(manifest);

        using var buffer = new MemoryStream();
        DeterministicZip.Write(buffer, entries);
        var name = $"{moduleId ?? "course"}-{language}-{formatName}.zip";
        var relative = Path.Combine(PackagesFolder, formatName, name);
        if (context.StagingRoot is not null)
        {
            var target = Path.Combine(context.StagingRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, buffer.ToArray());
        }

        return new PackageOutput(format, moduleId, language, Path.Combine(context.OutputRoot, relative), buffer.Length);
    }

    internal static string FormatName(PackageFormats format) => format switch
    {
        PackageFormats.Scorm12 => "scorm12",
        PackageFormats.Scorm2004 => "scorm2004",
        PackageFormats.Cmi5 => "cmi5",
        _ => "web",
    };

    private static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
