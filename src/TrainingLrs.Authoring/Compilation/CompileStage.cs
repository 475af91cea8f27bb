namespace TrainingLrs.Authoring.Compilation;

/// <summary>The named stages of a compile, in order.</summary>
public enum CompileStage
{
    /// <summary>Read course.yml, the theme and every module file.</summary>
    Read,

    /// <summary>Parse Markdown and front matter into lessons.</summary>
    Parse,

    /// <summary>Check the model and the Markdown (ids, answers, media, headings…).</summary>
    Lint,

    /// <summary>Render each lesson through the theme template.</summary>
    Render,

    /// <summary>Check the rendered HTML (anchors, ids, alt text, every reference packaged).</summary>
    Verify,

    /// <summary>Write the web lessons to a temporary folder.</summary>
    Write,

    /// <summary>Build SCORM 1.2, SCORM 2004 and cmi5 zips.</summary>
    Package,

    /// <summary>Swap the temporary folder in place of the output folder.</summary>
    Publish,
}
