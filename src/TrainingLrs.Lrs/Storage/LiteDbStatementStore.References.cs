using LiteDB;

namespace TrainingLrs.Lrs.Storage;

// StatementRefs whose target the LRS did not have yet when they were stored.
internal sealed partial class LiteDbStatementStore
{
    // target statement id -> sequence numbers of the statements referring to it ("r").
    private const string PendingReferences = "statement_refs_pending";

    // Writer thread only. Once a reference has waited, every later statement checks whether it is the
    // awaited target; until then none pays for the lookup. Never reset while running: a rolled-back
    // transaction may have restored a pending entry.
    private bool _mayHavePendingReferences;

    private void LoadPendingReferences() =>
        _mayHavePendingReferences = _database.GetCollection(PendingReferences).Count() > 0;

    /// <summary>Remembers that the statement at <paramref name="sequence"/> refers to a statement not stored yet.</summary>
    internal void RememberPendingReference(LiteDatabase database, string targetId, long sequence)
    {
        var collection = database.GetCollection(PendingReferences);
        var document = collection.FindById(targetId) ?? new BsonDocument { ["_id"] = targetId, ["r"] = new BsonArray() };
        document["r"].AsArray.Add(sequence);
        collection.Upsert(document);
        _mayHavePendingReferences = true;
    }

    /// <summary>The sequence numbers of statements that were waiting for <paramref name="statementId"/>; forgets them.</summary>
    internal IReadOnlyList<long> TakePendingReferences(LiteDatabase database, string statementId)
    {
        if (!_mayHavePendingReferences)
        {
            return [];
        }
        var collection = database.GetCollection(PendingReferences);
        if (collection.FindById(statementId) is not { } document)
        {
            return [];
        }
        collection.Delete(statementId);
        return document["r"].AsArray.Select(v => v.AsInt64).ToArray();
    }
}
