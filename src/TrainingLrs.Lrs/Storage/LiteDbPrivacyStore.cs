using LiteDB;
using TrainingLrs.Lrs.Privacy;
using TrainingLrs.Lrs.Statements;

namespace TrainingLrs.Lrs.Storage;

/// <summary>Erasure and purge in LiteDB, run by the single writer.</summary>
internal sealed class LiteDbPrivacyStore(LiteDbStatementStore statements, LiteDbDocumentStore documents) : IPrivacyStore
{
    // A purge may cover most of the store; deleting it in slices keeps memory flat and lets ordinary
    // writes through in between. Each slice commits on its own, so an interrupted purge is simply run again.
    private const int PurgeSlice = 2_000;

    public Task<PrivacyCounts> EraseAgentAsync(string agentIdentifier, bool dryRun) =>
        statements.Writer.Enqueue(new Job(database =>
        {
            var found = statements.FindAboutAgent(StatementKeys.Make(StatementKeys.RelatedAgent, agentIdentifier));
            var docs = documents.FindByAgent(agentIdentifier);
            var attachments = 0;
            if (!dryRun)
            {
                attachments = LiteDbStatementStore.Delete(database, found);
                LiteDbDocumentStore.DeleteByIds(database, docs);
                statements.NotifyErased(found);
            }
            return new PrivacyCounts(found.Count, docs.Count, attachments, dryRun);
        }));

    public async Task<PrivacyCounts> PurgeAsync(DateTimeOffset before, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (dryRun)
        {
            return new PrivacyCounts(statements.CountStoredBefore(before), 0, 0, DryRun: true);
        }

        int total = 0, attachments = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = await statements.Writer.Enqueue(new Job(database =>
            {
                var found = statements.FindStoredBefore(before, PurgeSlice);
                return new PrivacyCounts(found.Count, 0, LiteDbStatementStore.Delete(database, found), DryRun: false);
            }));
            total += slice.Statements;
            attachments += slice.Attachments;
            if (slice.Statements < PurgeSlice)
            {
                return new PrivacyCounts(total, 0, attachments, DryRun: false);
            }
        }
    }

    private sealed class Job(Func<LiteDatabase, PrivacyCounts> work) : WriteJob<PrivacyCounts>
    {
        public override void Prepare(LiteDatabase database)
        {
        }

        protected override PrivacyCounts Apply(LiteDatabase database) => work(database);
    }
}
