namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// State, Activity Profile and Agent Profile documents. Every operation works within the partner space
/// of its <see cref="DocumentScope"/> (<see cref="DocumentScope.PartnerId"/>, null for the unscoped space):
/// ids, lists, ETags and deletes never reach another space.
/// </summary>
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

    /// <summary>
    /// Whether the unscoped space holds a legacy document (stored before partner spaces existed, and not
    /// rewritten since) under the parameters of <paramref name="scope"/>.
    /// </summary>
    bool HasLegacy(DocumentScope scope);

    /// <summary>
    /// Moves the legacy documents under the parameters of <paramref name="scope"/> into its partner
    /// space, keeping content, ETag and time. Where the partner space already holds the id, its own
    /// (newer) document wins and the legacy one is dropped. Returns how many were moved.
    /// </summary>
    Task<int> AdoptLegacyAsync(DocumentScope scope);
}
