namespace TrainingLrs.Lrs.Storage;

/// <summary>The raw content of an attachment, keyed by its SHA-2 hash.</summary>
internal sealed record AttachmentPayload(string Sha2, string ContentType, byte[] Content);
