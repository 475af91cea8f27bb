using LiteDB;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Storage;

/// <summary>Erasure and purge in LiteDB, run by the single writer so they commit atomically.</summary>
internal sealed class LiteDbPrivacyStore(LiteDbStatementStore statements, LiteDbDocumentStore documents) : IPrivacyStore
{
    public Task<PrivacyCounts> EraseAgentAsync(string agentIdentifier, bool dryRun) =>
        statements.Writer.Enqueue(new Job(database =>
        {
            var found = statements.FindAboutAgent(StatementKeys.Make(StatementKeys.RelatedAgent, agentIdentifier));
            var docs = documents.FindByAgent(agentIdentifier);
            if (!dryRun)
            {
                LiteDbStatementStore.Delete(database, found);
                LiteDbDocumentStore.DeleteByIds(database, docs);
                statements.NotifyErased(found);
            }
            return new PrivacyCounts(found.Count, docs.Count, dryRun);
        }));

    public Task<PrivacyCounts> PurgeAsync(DateTimeOffset before, bool dryRun) =>
        statements.Writer.Enqueue(new Job(database =>
        {
            var found = statements.FindStoredBefore(before);
            if (!dryRun)
            {
                LiteDbStatementStore.Delete(database, found);
            }
            return new PrivacyCounts(found.Count, 0, dryRun);
        }));

    private sealed class Job(Func<LiteDatabase, PrivacyCounts> work) : WriteJob<PrivacyCounts>
    {
        public override void Prepare(LiteDatabase database)
        {
        }

        protected override PrivacyCounts Apply(LiteDatabase database) => work(database);
    }
}
