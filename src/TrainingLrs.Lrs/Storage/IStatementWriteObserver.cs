namespace TrainingLrs.Lrs.Storage;

/// <summary>
/// Sees every batch of statements as it is written, inside the writer's transaction: whatever it writes
/// to the LRS database on the calling thread commits or rolls back with the statements. It runs on the
/// single writer thread, so it must be quick and must not block on I/O other than the database. If
/// the transaction fails it is rolled back and the batch retried, so the observer can see the same
/// statements again: keep side effects inside the database, where the rollback undoes them.
/// Register implementations as <see cref="IStatementWriteObserver"/> singletons before the app is built.
/// </summary>
public interface IStatementWriteObserver
{
    /// <summary>Called once per committed batch of new statements, in stored order.</summary>
    /// <param name="statements">The statements just stored (voiding statements included).</param>
    void OnStatementsStored(IReadOnlyList<StoredStatement> statements);

    /// <summary>
    /// Called inside the erasure's transaction with the statements an agent erasure deleted, so that
    /// whatever was derived from them (completion rows, learner names) goes too. Purges by date do not
    /// call this: they drop raw statements, not the records derived from them.
    /// </summary>
    /// <param name="erased">The deleted statements.</param>
    void OnStatementsErased(IReadOnlyList<StoredStatement> erased)
    {
    }
}
