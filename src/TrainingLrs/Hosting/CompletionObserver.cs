using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Hosting;

/// <summary>
/// Keeps completion rows current in the same LiteDB transaction as the statements that change them,
/// so a 2xx from <c>/xapi/statements</c> means the member's report already counts the statement.
/// </summary>
internal sealed class CompletionObserver(LiteDbCompletionStore completions, IServiceProvider services) : IStatementWriteObserver
{
    // Resolved on first use: the ingest depends on the statement store, which depends on this observer.
    private readonly Lazy<StatementIngest> _ingest = new(() => StatementIngest.From(services));

    public void OnStatementsStored(IReadOnlyList<StoredStatement> statements) =>
        completions.Project(
            [.. statements.Select(ToProjected)],
            id => _ingest.Value.FindActive(id) is { } stored ? ToProjected(stored) : null);

    public void OnStatementsErased(IReadOnlyList<StoredStatement> erased) =>
        completions.Forget(
            [.. erased.Select(s => s.Id)],
            id => _ingest.Value.FindActive(id) is { } stored ? ToProjected(stored) : null);

    public static ProjectedStatement ToProjected(StoredStatement s) => new(s.Id, s.Json, s.Stored, s.PartnerId, s.VoidedStatementId);
}
