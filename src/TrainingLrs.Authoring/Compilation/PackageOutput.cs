namespace TrainingLrs.Authoring.Compilation;

/// <summary>One package written by a compile.</summary>
/// <param name="Format">SCORM 1.2, SCORM 2004 or cmi5.</param>
/// <param name="ModuleId">The module, or null for a multi-module course package.</param>
/// <param name="Language">Language of the package.</param>
/// <param name="Path">Full path of the zip inside the output folder (nothing is written there in a dry run).</param>
/// <param name="Bytes">Size of the zip.</param>
public sealed record PackageOutput(PackageFormats Format, string? ModuleId, string Language, string Path, long Bytes);
