namespace TrainingLrs.Authoring.Compilation;

/// <summary>A media file a lesson uses: its URL in the page (<c>media/…</c>) and where it is on disk.</summary>
internal sealed record MediaFile(string Url, string SourcePath);
