using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace TrainingLrs.Authoring.Themes;

/// <summary>
/// Resolves <c>{{ include 'name' }}</c> inside the theme's templates folder (course overrides first)
/// and refuses any path that resolves outside it.
/// </summary>
internal sealed class ThemeTemplateLoader : ITemplateLoader
{
    private readonly Theme _theme;

    public ThemeTemplateLoader(Theme theme)
    {
        _theme = theme;
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _theme.ResolveFile("templates/" + templateName, templateName);

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        _theme.ReadText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
