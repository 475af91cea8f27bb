namespace TrainingLrs.Authoring.Diagnostics;

/// <summary>Stable codes for every rule, so authors can search AUTHORING.md and tests can assert the rule that fired.</summary>
public static class DiagnosticCodes
{
    /// <summary>A file could not be read or is not valid YAML.</summary>
    public const string InvalidYaml = "LR001";

    /// <summary>A required course.yml or front-matter key is missing or has the wrong type.</summary>
    public const string InvalidSetting = "LR002";

    /// <summary>A front-matter or course.yml key is not known.</summary>
    public const string UnknownKey = "LR003";

    /// <summary>A module folder exists but course.yml does not list it.</summary>
    public const string ModuleNotListed = "LR004";

    /// <summary>course.yml lists a module whose folder or English file does not exist.</summary>
    public const string ModuleMissing = "LR005";

    /// <summary>A translation is missing; the English edition is used instead.</summary>
    public const string TranslationFallback = "LR006";

    /// <summary>A pass mark is outside 0–100.</summary>
    public const string PassMarkOutOfRange = "LR007";

    /// <summary>A question has no correct option, or the wrong number for its type.</summary>
    public const string QuestionWithoutAnswer = "LR008";

    /// <summary>Two questions, modules or blocks share an id.</summary>
    public const string DuplicateId = "LR009";

    /// <summary>A lesson block (quiz, scenario…) is malformed.</summary>
    public const string MalformedBlock = "LR010";

    /// <summary>A link to an anchor or file inside the lesson points nowhere.</summary>
    public const string BrokenLink = "LR011";

    /// <summary>A media file referenced by the lesson does not exist.</summary>
    public const string MissingMedia = "LR012";

    /// <summary>An image has no alternative text.</summary>
    public const string ImageWithoutAlt = "LR013";

    /// <summary>Headings skip a level or the body uses a level-1 heading.</summary>
    public const string HeadingOrder = "LR014";

    /// <summary>A path leaves the folder it must stay in (../ traversal, absolute path).</summary>
    public const string PathTraversal = "LR015";

    /// <summary>A link or resource points to an external URL where only packaged files are allowed.</summary>
    public const string ExternalResource = "LR016";

    /// <summary>A theme template failed to parse or render.</summary>
    public const string TemplateError = "LR017";

    /// <summary>The language editions of a module disagree on ids.</summary>
    public const string EditionMismatch = "LR018";

    /// <summary>Writing the output failed.</summary>
    public const string OutputError = "LR019";
}
