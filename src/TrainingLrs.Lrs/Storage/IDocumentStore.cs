namespace TrainingLrs.Lrs.Storage;

/// <summary>State, Activity Profile and Agent Profile documents.</summary>
internal interface IDocumentStore
{
    StoredDocument? Find(DocumentScope scope, string id);

    IReadOnlyList<StoredDocument> List(DocumentScope scope, DateTimeOffset? since);

    /// <summary>
    /// Stores a document after checking the preconditions. With <paramref name="merge"/> (POST) and an
    /// existing document, both must be JSON objects and their top-level properties are merged; with no
    /// existing document the content is stored as sent. <c>incomingIsObject</c> says whether the content
    /// is JSON (by its Content-Type) and a JSON object.
    /// </summary>
    /// <exception cref="Http.XapiException">412 or 409 when the preconditions fail, 400 when a merge is impossible.</exception>
    Task<StoredDocument> SaveAsync(DocumentScope scope, string id, string contentType, byte[] content, bool incomingIsObject, bool merge, DocumentPreconditions conditions);

    /// <summary>Deletes one document (id given) or every document of the scope.</summary>
    Task<int> DeleteAsync(DocumentScope scope, string? id, DocumentPreconditions conditions);
}
