using System.Collections.Concurrent;
using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using TrainingLrs.Authoring.Diagnostics;
using TrainingLrs.Authoring.Markdown;
using TrainingLrs.Authoring.Themes;

namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>Renders lessons through the theme's lesson template (parsed once per compile).</summary>
internal static class RenderStage
{
    public const string AssetsPrefix = "../../assets";

    // The page is written into a StringBuilder that grows by linked chunks of at most this many chars
    // (StringBuilder's own limit): no copying as it grows, and no array big enough for the large-object
    // heap, whose allocations bring full garbage collections. One array sized for the whole page was.
    private const int OutputChunk = 8000;

    /// <summary>What every page of one compile shares: built-ins, per-language helpers and parsed includes.</summary>
    public static SharedState Prepare(CompileContext context) => new(
        Theme: context.Theme!,
        Builtins: Builtins.Value,
        Helpers: context.Languages.Distinct(StringComparer.Ordinal).ToDictionary(l => l, l => new ThemeHelpers(context.Theme!.Labels(l)), StringComparer.Ordinal),
        Includes: new ConcurrentDictionary<string, Template>(StringComparer.Ordinal));

    public static void Render(CompileContext context, SharedState shared, Lesson lesson)
    {
        // A lesson without usable front matter has already been reported; it has nothing to render.
        if (lesson.FrontMatter is not null)
        {
            lesson.Html = Render(context, shared.Theme, shared, lesson);
        }
    }

    private static string Render(CompileContext context, Theme theme, SharedState shared, Lesson lesson)
    {
        var course = context.Course!;
        var helpers = shared.Helpers[lesson.Language];
        var labels = helpers.Labels;
        var front = lesson.FrontMatter!;
        var sections = Sections(lesson, labels);
        var lessonData = LessonData.Build(course, lesson, labels);
        var model = new ScriptObject
        {
            ["course"] = new ScriptObject { ["id"] = course.Id, ["title"] = course.TitleIn(lesson.Language) },
            ["module"] = new ScriptObject
            {
                ["id"] = lesson.Id,
                ["title"] = front.Title,
                ["description"] = front.Description,
                ["duration"] = front.DurationMinutes,
                ["version"] = front.Version,
                ["iri"] = course.ActivityIri(lesson.Id),
                ["pass_mark"] = lesson.PassMark,
                ["objectives"] = lesson.Objectives.ToList(),
            },
            ["page"] = new ScriptObject
            {
                ["lang"] = lesson.Language,
                ["content_lang"] = lesson.ContentLanguage,
                ["assets"] = AssetsPrefix,
                ["sections"] = sections,
                // Front-matter objectives are printed by the template only when the body has no objectives block.
                ["has_objectives_block"] = lesson.Blocks.OfType<Markdown.Objectives.ObjectivesBlock>().Any(),
                ["lesson_data"] = new HtmlString(lessonData),
            },
        };
        var templateContext = new EscapingTemplateContext(shared.Builtins)
        {
            StrictVariables = true,
            TemplateLoader = new ThemeTemplateLoader(theme),
        };

        // Included templates are parsed once per compile, not once per page.
        foreach (var (path, include) in shared.Includes)
        {
            templateContext.CachedTemplates[path] = include;
        }

        templateContext.PushOutput(new StringBuilderOutput(new StringBuilder(OutputChunk)));
        templateContext.PushGlobal(helpers);
        templateContext.PushGlobal(model);
        try
        {
            var html = theme.LessonTemplate!.Render(templateContext);
            foreach (var (path, include) in templateContext.CachedTemplates)
            {
                shared.Includes.TryAdd(path, include);
            }

            return html;
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or ThemePathException)
        {
            var span = (ex as ScriptRuntimeException)?.Span;
            var inner = ex.InnerException is ThemePathException tp ? tp.Message : (ex as ScriptRuntimeException)?.OriginalMessage ?? ex.Message;
            var path = span is { } s && s.FileName is { } file ? theme.DisplayPath(file) : "theme:templates/" + Theme.LessonTemplateName;
            context.Diagnostics.Error(path, (span?.Start.Line ?? -1) + 1, (span?.Start.Column ?? -1) + 1, DiagnosticCodes.TemplateError,
                $"The lesson template failed: {inner}");
            return "";
        }
    }

    // Scriban builds its built-in functions afresh for every context unless given them; one read-only
    // set serves every page of every compile (a watch session compiles again on each save), and no
    // template can change it for the next page.
    private static readonly Lazy<ScriptObject> Builtins = new(ReadOnlyBuiltins);

    private static ScriptObject ReadOnlyBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var value in builtins.Values.OfType<ScriptObject>())
        {
            value.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>Splits the body at each level-2 heading so the template can wrap sections in landmarks.</summary>
    private static ScriptArray Sections(Lesson lesson, IReadOnlyDictionary<string, string> labels)
    {
        var sections = new ScriptArray();
        using var writer = new StringWriter();
        var renderer = new LessonHtmlRenderer(writer, labels);
        LessonMarkdown.Pipeline.Setup(renderer);
        var builder = writer.GetStringBuilder();
        string id = "", title = "";
        var start = 0;

        void Flush()
        {
            if (builder.Length > start)
            {
                sections.Add(new ScriptObject { ["id"] = id, ["title"] = title, ["html"] = new HtmlString(builder.ToString(start, builder.Length - start)) });
            }

            start = builder.Length;
        }

        foreach (var block in lesson.Document)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is HeadingBlock { Level: 2 } heading)
            {
                Flush();
                id = heading.GetAttributes().Id ?? "";
                title = PlainText.Of(heading);
            }

            renderer.Render(block);
        }

        Flush();
        return sections;
    }

    internal sealed record SharedState(Theme Theme, ScriptObject Builtins, IReadOnlyDictionary<string, ThemeHelpers> Helpers, ConcurrentDictionary<string, Template> Includes);
}
