namespace TrainingLrs.Lrs.Storage;

/// <summary>State, Activity Profile and Agent Profile documents.</summary>
internal interface IDocumentStore
{
    StoredDocument? Find(DocumentScope scope, string id);

    IReadOnlyList<StoredDocument> List(DocumentScope scope, DateTimeOffset? since);

    /// <summary>Stores (or, with <paramref name="merge"/>, merges into) a document after checking the preconditions.</summary>
    /// <exception cref="Http.XapiException">412 or 409 when the preconditions fail, 400 when a merge is impossible.</exception>
    Task<StoredDocument> SaveAsync(DocumentScope scope, string id, string contentType, byte[] content, bool merge, DocumentPreconditions conditions);

    /// <summary>Deletes one document (id given) or every document of the scope.</summary>
    Task<int> DeleteAsync(DocumentScope scope, string? id, DocumentPreconditions conditions);
}
