using System.Collections.Concurrent;
using Scriban;
using TrainingLrs.Authoring.Courses;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown;
using YamlDotNet.RepresentationModel;

namespace TrainingLrs.Authoring.Themes;

/// <summary>
/// A theme folder (<c>theme.yml</c>, <c>templates/</c>, <c>assets/</c>) plus an optional course
/// override folder whose files win. Every file access goes through <see cref="ResolveFile"/>, which
/// refuses paths that leave those folders.
/// </summary>
internal sealed class Theme
{
    public const string LessonTemplateName = "lesson.scriban";

    private readonly IReadOnlyList<string> _roots;
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _labels = new(StringComparer.Ordinal);

    private Theme(string name, IReadOnlyList<string> roots)
    {
        Name = name;
        _roots = roots;
    }

    public string Name { get; }

    public Template? LessonTemplate { get; private set; }

    /// <summary>Loads a theme; problems go to <paramref name="diagnostics"/> and null is returned when it cannot be used.</summary>
    public static Theme? Load(string themesDirectory, string name, string? overrideDirectory, DiagnosticBag diagnostics)
    {
        var baseRoot = Path.GetFullPath(Path.Combine(themesDirectory, name));
        if (name.Contains('/') || name.Contains('\\') || name.Contains("..") || !Directory.Exists(baseRoot))
        {
            diagnostics.Error(CourseYamlReader.FileName, 1, 1, DiagnosticCodes.InvalidSetting, $"Theme '{name}' not found in {themesDirectory}.");
            return null;
        }

        var roots = new List<string>();
        if (overrideDirectory is not null && Directory.Exists(overrideDirectory))
        {
            roots.Add(Path.GetFullPath(overrideDirectory));
        }

        roots.Add(baseRoot);
        var theme = new Theme(name, roots);
        theme.ReadThemeYaml(diagnostics);
        theme.ParseLessonTemplate(diagnostics);
        return theme;
    }

    /// <summary>Full path of a theme file, course override first. Throws <see cref="ThemePathException"/> when refused or missing.</summary>
    public string ResolveFile(string relativePath, string? shownAs = null)
    {
        // A theme is loaded per compile, so a path resolved once stays resolved: every page's includes
        // would otherwise probe the disk again.
        if (_resolved.TryGetValue(relativePath, out var resolved))
        {
            return resolved;
        }

        shownAs ??= relativePath;
        if (Path.IsPathRooted(shownAs) || Path.IsPathRooted(relativePath))
        {
            throw new ThemePathException($"Refused theme path '{shownAs}': theme paths must be relative.");
        }

        foreach (var root in _roots)
        {
            var full = Path.GetFullPath(Path.Combine(root, relativePath));
            if (!IsInside(full, root))
            {
                throw new ThemePathException($"Refused theme path '{shownAs}': it resolves outside the theme folder.");
            }

            if (File.Exists(full))
            {
                return _resolved[relativePath] = full;
            }
        }

        throw new ThemePathException($"Theme file '{shownAs}' not found in theme '{Name}'.");
    }

    public string ReadText(string fullPath)
    {
        if (!_roots.Any(r => IsInside(fullPath, r)))
        {
            throw new ThemePathException($"Refused theme path '{fullPath}': it is outside the theme folder.");
        }

        return _texts.GetOrAdd(fullPath, File.ReadAllText);
    }

    /// <summary>Asset files as package-relative path (<c>assets/…</c>) to full path; override files win.</summary>
    public SortedDictionary<string, string> AssetFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in _roots.Reverse())
        {
            var assets = Path.Combine(root, "assets");
            if (!Directory.Exists(assets))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                files["assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/')] = file;
            }
        }

        return files;
    }

    /// <summary>Labels for a language: built-in English, then the theme's English, then the theme's language.</summary>
    public IReadOnlyDictionary<string, string> Labels(string language)
    {
        var result = new Dictionary<string, string>(LessonLabels.English, StringComparer.Ordinal);
        foreach (var lang in new[] { "en", language })
        {
            if (_labels.TryGetValue(lang, out var map))
            {
                foreach (var (k, v) in map)
                {
                    result[k] = v;
                }
            }
        }

        return result;
    }

    private static bool IsInside(string fullPath, string root) =>
        fullPath.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void ReadThemeYaml(DiagnosticBag diagnostics)
    {
        string path;
        try
        {
            path = ResolveFile("theme.yml");
        }
        catch (ThemePathException ex)
        {
            diagnostics.Error("theme.yml", 1, 1, DiagnosticCodes.InvalidSetting, ex.Message);
            return;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(ReadText(path)));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            diagnostics.Error(DisplayPath(path), (int)ex.Start.Line, (int)ex.Start.Column, DiagnosticCodes.InvalidYaml, "Invalid YAML: " + ex.Message);
            return;
        }

        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("labels"), out var labels) && labels is YamlMappingNode byLanguage)
        {
            foreach (var (lang, node) in byLanguage.Children)
            {
                if (lang is YamlScalarNode { Value: { } code } && node is YamlMappingNode entries)
                {
                    _labels[code] = entries.Children
                        .Where(e => e.Key is YamlScalarNode && e.Value is YamlScalarNode)
                        .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "", StringComparer.Ordinal);
                }
            }
        }
    }

    private void ParseLessonTemplate(DiagnosticBag diagnostics)
    {
        string path;
        try
        {
            path = ResolveFile("templates/" + LessonTemplateName);
        }
        catch (ThemePathException ex)
        {
            diagnostics.Error("theme", 1, 1, DiagnosticCodes.TemplateError, ex.Message);
            return;
        }

        var template = Template.Parse(ReadText(path), path);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                diagnostics.Error(DisplayPath(path), message.Span.Start.Line + 1, message.Span.Start.Column + 1, DiagnosticCodes.TemplateError, message.Message);
            }

            return;
        }

        LessonTemplate = template;
    }

    /// <summary>A theme file's path as shown in diagnostics: relative to its theme root.</summary>
    public string DisplayPath(string fullPath)
    {
        var root = _roots.FirstOrDefault(r => IsInside(fullPath, r));
        return root is null ? fullPath : $"theme:{Path.GetRelativePath(root, fullPath).Replace('\\', '/')}";
    }
}
