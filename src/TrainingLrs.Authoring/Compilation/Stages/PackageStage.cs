using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using TrainingLrs.Authoring.Packaging;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Builds one zip per module, language and format (and optional course packages), in parallel.</summary>
internal static class PackageStage
{
    public const string PackagesFolder = "packages";

    private static readonly PackageFormats[] Formats = [PackageFormats.Scorm12, PackageFormats.Scorm2004, PackageFormats.Cmi5];

    /// <summary>Whether this compile builds any zip, so pages are worth compressing as they are rendered.</summary>
    public static bool BuildsZips(CompileContext context) => Formats.Any(f => context.Options.Formats.HasFlag(f));

    public static void Run(CompileContext context)
    {
        var formats = Formats.Where(f => context.Options.Formats.HasFlag(f)).ToList();
        if (formats.Count == 0)
        {
            return;
        }

        var files = Compress(context, formats);
        var jobs = new List<(PackageFormats Format, string Language, IReadOnlyList<LessonPage> Lessons, string? ModuleId)>();
        foreach (var format in formats)
        {
            jobs.AddRange(context.Pages.Select(l => (format, l.Language, (IReadOnlyList<LessonPage>)[l], (string?)l.Id)));
            if (context.Options.CoursePackages)
            {
                jobs.AddRange(context.Languages.Select(lang => (format, lang, (IReadOnlyList<LessonPage>)[.. context.Pages.Where(l => l.Language == lang)], (string?)null)));
            }
        }

        var outputs = new PackageOutput?[jobs.Count];
        var done = 0;
        // Zip buffers are large-object-heap arrays: one per thread at a time, reused for every zip. A
        // buffer per Parallel.For worker would not do, since the loop retires and replaces its workers
        // as it goes, and each fresh large buffer brings a full garbage collection nearer.
        var buffers = new ConcurrentBag<MemoryStream>();
        Parallel.For(0, jobs.Count, context.Parallel, i =>
        {
            var buffer = buffers.TryTake(out var reused) ? reused : new MemoryStream();
            var (format, language, lessons, moduleId) = jobs[i];
            outputs[i] = Build(context, format, language, lessons, moduleId, files, buffer);
            buffers.Add(buffer);
            context.Report(CompileStage.Package, Interlocked.Increment(ref done), jobs.Count, Path.GetFileName(outputs[i]!.Path));
        });
        context.Packages.AddRange(outputs.OfType<PackageOutput>());
    }

    // Every file is read and compressed once, however many packages hold it: theme assets, the
    // per-format config and schemas, each page and each media file.
    private static CompressedFiles Compress(CompileContext context, IReadOnlyList<PackageFormats> formats)
    {
        var assets = new ConcurrentDictionary<string, CompressedEntry>(StringComparer.Ordinal);
        var shared = formats.ToDictionary(f => f, _ => new Dictionary<string, CompressedEntry>(StringComparer.Ordinal));
        var pages = new ConcurrentDictionary<string, CompressedEntry>(StringComparer.Ordinal);
        var media = new ConcurrentDictionary<string, CompressedEntry>(StringComparer.Ordinal);
        var work = new List<Action>();
        work.AddRange(context.Assets.Select(a => (Action)(() => assets[a.Key] = CompressedEntry.Compress(File.ReadAllBytes(a.Value)))));
        foreach (var (format, entries) in shared)
        {
            work.Add(() =>
            {
                entries[PackageLayout.ConfigFile] = CompressedEntry.Compress(Encoding.UTF8.GetBytes(LrsConfigScript.Build(FormatName(format), context.Options.Lrs)));
                foreach (var (name, entry) in ScormSchemas.Files(format))
                {
                    entries[name] = entry;
                }
            });
        }

        work.AddRange(context.Pages.Select(l => (Action)(() => pages[l.PageFolder] = l.PackageEntry ?? CompressedEntry.Compress(l.Html))));
        work.AddRange(context.Pages.SelectMany(l => l.Media).Select(m => m.SourcePath).Distinct(StringComparer.Ordinal)
            .Select(path => (Action)(() => media[path] = CompressedEntry.Compress(File.ReadAllBytes(path)))));
        Parallel.ForEach(work, context.Parallel, action => action());
        // Every package copies the assets; a plain dictionary is read without taking the concurrent one's locks.
        return new CompressedFiles(new Dictionary<string, CompressedEntry>(assets, StringComparer.Ordinal), shared, pages, media);
    }

    private static PackageOutput Build(
        CompileContext context,
        PackageFormats format,
        string language,
        IReadOnlyList<LessonPage> lessons,
        string? moduleId,
        CompressedFiles files,
        MemoryStream buffer)
    {
        var course = context.Course!;
        var formatName = FormatName(format);
        var entries = new Dictionary<string, CompressedEntry>(files.Assets.Count + files.Shared[format].Count + (4 * lessons.Count) + 1, StringComparer.Ordinal);
        foreach (var (file, entry) in files.Assets)
        {
            entries[file] = entry;
        }

        foreach (var (file, entry) in files.Shared[format])
        {
            entries[file] = entry;
        }

        var items = new List<PackageItem>();
        foreach (var lesson in lessons)
        {
            var page = PackageLayout.Page(lesson.PageFolder);
            var itemFiles = new List<string> { page };
            entries[page] = files.Pages[lesson.PageFolder];
            foreach (var media in lesson.Media)
            {
                var path = PackageLayout.Media(lesson.PageFolder, media);
                entries[path] = files.Media[media.SourcePath];
                itemFiles.Add(path);
            }

            items.Add(new PackageItem(lesson.Id, course.ActivityIri(lesson.Id), lesson.FrontMatter!.Title, lesson.FrontMatter.Description,
                page, itemFiles, lesson.PassMark, lesson.Source.Module.MoveOn));
        }

        var single = moduleId is not null;
        var spec = new PackageSpec(
            Identifier: single ? $"TRL-{moduleId}-{language}" : $"TRL-course-{language}",
            CourseIri: single ? $"{course.Id.TrimEnd('/')}/{moduleId}/{language}" : $"{course.Id.TrimEnd('/')}/{language}",
            Title: single ? items[0].Title : course.TitleIn(language),
            Description: single ? items[0].Description : course.Description.GetValueOrDefault(language, ""),
            Language: language,
            Items: items,
            SharedFiles: [.. files.Assets.Keys.Append(PackageLayout.ConfigFile).Order(StringComparer.Ordinal)]);
        var (manifestName, manifest) = format switch
        {
            PackageFormats.Scorm12 => ("imsmanifest.xml", Scorm12Manifest.Build(spec)),
            PackageFormats.Scorm2004 => ("imsmanifest.xml", Scorm2004Manifest.Build(spec)),
            _ => ("cmi5.xml", Cmi5Manifest.Build(spec)),
        };
        entries[manifestName] = CompressedEntry.Store(Serialize(manifest));

        buffer.SetLength(0);
        var size = DeterministicZip.EstimateSize(entries);
        if (buffer.Capacity < size)
        {
            buffer.Capacity = size + (size / 4);
        }

        DeterministicZip.Write(buffer, entries);
        var name = $"{moduleId ?? "course"}-{language}-{formatName}.zip";
        var relative = Path.Combine(PackagesFolder, formatName, name);
        if (context.StagingRoot is not null)
        {
            var target = Path.Combine(context.StagingRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var file = File.Create(target);
            buffer.WriteTo(file);
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

    private sealed record CompressedFiles(
        IReadOnlyDictionary<string, CompressedEntry> Assets,
        IReadOnlyDictionary<PackageFormats, Dictionary<string, CompressedEntry>> Shared,
        IReadOnlyDictionary<string, CompressedEntry> Pages,
        IReadOnlyDictionary<string, CompressedEntry> Media);
}
