using System.Text.Json.Nodes;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// Where statements, their attachments and canonical activity definitions live. The endpoints know
/// only this interface, so another backend (PostgreSQL) can be added without touching them.
/// </summary>
internal interface IStatementStore
{
    /// <summary>Every statement stored before this instant is visible to queries.</summary>
    DateTimeOffset ConsistentThrough { get; }

    /// <summary>Stores one request's statements, all or none, and returns their ids in request order.</summary>
    /// <exception cref="Http.XapiException">409 for a conflicting id (or, under <see cref="StoredIdPolicy.Refuse"/>, any stored id), 400 for voiding a voiding statement.</exception>
    Task<IReadOnlyList<string>> StoreAsync(
        IReadOnlyList<PreparedStatement> statements,
        IReadOnlyDictionary<string, AttachmentPayload> payloads,
        string? partnerId,
        string credentialKey,
        StoredIdPolicy storedIds = StoredIdPolicy.AcceptIdentical);

    StatementRecord? Find(string statementId);

    StatementPage Search(StatementQuery query);

    AttachmentPayload? FindAttachment(string sha2);

    JsonObject? FindActivity(string activityId);
}
