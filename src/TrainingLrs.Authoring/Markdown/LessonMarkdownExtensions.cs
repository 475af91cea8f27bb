using Markdig;
using TrainingLrs.Authoring.Markdown.Assessments;
using TrainingLrs.Authoring.Markdown.Callouts;
using TrainingLrs.Authoring.Markdown.Glossary;
using TrainingLrs.Authoring.Markdown.Objectives;
using TrainingLrs.Authoring.Markdown.Quizzes;
using TrainingLrs.Authoring.Markdown.Scenarios;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>
/// Switches on the lesson blocks on a Markdig pipeline, one call per block. Registration is
/// idempotent: calling any of these twice adds the extension once. Each also switches on the Markdig
/// extensions it builds on (custom containers, task lists, definition lists), here rather than in
/// <c>Setup</c> because Markdig enumerates the extension list while calling <c>Setup</c>.
/// </summary>
public static class LessonMarkdownExtensions
{
    /// <summary>Knowledge checks (<c>::: quiz</c>).</summary>
    public static MarkdownPipelineBuilder UseQuizzes(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers().UseTaskLists().Extensions.AddIfNotAlready<QuizExtension>();
        return pipeline;
    }

    /// <summary>Final assessments (<c>:::: assessment</c> with <c>::: question</c> blocks).</summary>
    public static MarkdownPipelineBuilder UseAssessments(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers().UseTaskLists().Extensions.AddIfNotAlready<AssessmentExtension>();
        return pipeline;
    }

    /// <summary>Scenarios (<c>:::: scenario</c> with <c>::: step</c> blocks).</summary>
    public static MarkdownPipelineBuilder UseScenarios(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers().UseTaskLists().Extensions.AddIfNotAlready<ScenarioExtension>();
        return pipeline;
    }

    /// <summary>Callouts (<c>::: legal</c>, <c>::: tip</c>, <c>::: warning</c>).</summary>
    public static MarkdownPipelineBuilder UseCallouts(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers().Extensions.AddIfNotAlready<CalloutExtension>();
        return pipeline;
    }

    /// <summary>Learning objectives (<c>::: objectives</c>).</summary>
    public static MarkdownPipelineBuilder UseObjectives(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers().Extensions.AddIfNotAlready<ObjectivesExtension>();
        return pipeline;
    }

    /// <summary>Glossary terms (<c>::: glossary</c>).</summary>
    public static MarkdownPipelineBuilder UseGlossary(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers().UseDefinitionLists().Extensions.AddIfNotAlready<GlossaryExtension>();
        return pipeline;
    }

    /// <summary>Everything a lesson needs: front matter, heading ids, tables, and all lesson blocks.</summary>
    public static MarkdownPipelineBuilder UseLessonBlocks(this MarkdownPipelineBuilder pipeline) =>
        pipeline
            .UseYamlFrontMatter()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseQuizzes()
            .UseAssessments()
            .UseScenarios()
            .UseCallouts()
            .UseObjectives()
            .UseGlossary();
}
