using LiteDB;

namespace TrainingLrs.Reporting.Completion;

public sealed partial class LiteDbCompletionStore
{
    /// <summary>
    /// Folds a batch of newly stored statements (stored order) into the rows, and recomputes the rows
    /// of any statement a voiding statement in the batch voids. Call inside the writer's transaction.
    /// </summary>
    /// <param name="batch">The statements just stored.</param>
    /// <param name="load">Loads an earlier statement (for recomputing after a void); null if voided or missing.</param>
    public void Project(IReadOnlyList<ProjectedStatement> batch, StatementLoader load)
    {
        var rows = new Dictionary<string, (CompletionRow Row, List<string> Ids)>(StringComparer.Ordinal);
        var learners = new Dictionary<string, LearnerDocument>(StringComparer.Ordinal);
        var voided = new List<string>();

        foreach (var statement in batch)
        {
            if (statement.VoidedStatementId is { } target)
            {
                voided.Add(target);
                continue;
            }
            Fold(statement, rows, learners, loadExisting: true);
        }

        foreach (var (id, (row, ids)) in rows)
        {
            _rows.Upsert(ToDocument(row, ids));
        }
        foreach (var learner in learners.Values)
        {
            _learners.Upsert(learner);
        }

        foreach (var target in voided)
        {
            Recompute(target, load);
        }
        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Throws away every row and learner and folds <paramref name="statements"/> (every non-voided,
    /// non-voiding statement, in stored order) again, a chunk per transaction. Returns the number of rows.
    /// </summary>
    public int Rebuild(IEnumerable<ProjectedStatement> statements)
    {
        InTransaction(() =>
        {
            _rows.DeleteAll();
            _learners.DeleteAll();
        });
        Interlocked.Increment(ref _version);
        foreach (var chunk in statements.Where(s => s.VoidedStatementId is null).Chunk(5000))
        {
            InTransaction(() => Project(chunk, _ => null));
        }
        return _rows.Count();
    }

    // Joins the caller's transaction when there is one (the LRS writer's), else makes its own.
    private void InTransaction(Action action)
    {
        var own = _database.BeginTrans();
        try
        {
            action();
            if (own)
            {
                _database.Commit();
            }
        }
        catch
        {
            if (own)
            {
                _database.Rollback();
            }
            throw;
        }
    }

    /// <summary>
    /// Forgets statements that were deleted (an agent's erasure): every row they fed is folded again
    /// from what is left, rows with nothing left go, and so do learners with no row left.
    /// </summary>
    /// <param name="statementIds">The deleted statements.</param>
    /// <param name="load">Loads a remaining statement; null if it is gone or voided.</param>
    public void Forget(IReadOnlyCollection<string> statementIds, StatementLoader load)
    {
        var gone = statementIds.ToHashSet(StringComparer.Ordinal);
        var learners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in gone)
        {
            learners.UnionWith(Recompute(id, statement => gone.Contains(statement) ? null : load(statement)));
        }
        foreach (var learner in learners.Where(l => !_rows.Exists(r => r.LearnerId == l)))
        {
            _learners.Delete(learner);
        }
        Interlocked.Increment(ref _version);
    }

    private IReadOnlyCollection<string> Recompute(string voidedStatementId, StatementLoader load)
    {
        var learners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in _rows.Find(BsonExpression.Create("$.StatementIds[*] ANY = @0", new BsonValue(voidedStatementId))).ToArray())
        {
            learners.Add(document.LearnerId);
            var remaining = document.StatementIds.Where(id => id != voidedStatementId).Select(id => load(id)).OfType<ProjectedStatement>().ToArray();
            var rebuilt = new Dictionary<string, (CompletionRow Row, List<string> Ids)>(StringComparer.Ordinal);
            foreach (var statement in remaining)
            {
                Fold(statement, rebuilt, learners: null, loadExisting: false, onlyModule: document.ModuleId);
            }

            _rows.Delete(document.Id);
            foreach (var (_, (row, ids)) in rebuilt)
            {
                _rows.Upsert(ToDocument(row, ids));
            }
        }
        return learners;
    }

    private void Fold(
        ProjectedStatement statement,
        Dictionary<string, (CompletionRow Row, List<string> Ids)> rows,
        Dictionary<string, LearnerDocument>? learners,
        bool loadExisting,
        string? onlyModule = null)
    {
        if (StatementFacts.Read(statement.Json, statement.Stored) is not { } facts)
        {
            return;
        }

        var any = false;
        foreach (var (module, relation) in Relations(facts))
        {
            if (onlyModule is not null && module.Id != onlyModule)
            {
                continue;
            }
            any = true;
            var id = RowId(facts.LearnerId, module.Id);
            if (!rows.TryGetValue(id, out var entry))
            {
                entry = loadExisting && _rows.FindById(id) is { } existing
                    ? (ToRow(existing), existing.StatementIds)
                    : (CompletionRow.Start(facts.LearnerId, module.Id, statement.PartnerId, facts.Timestamp), []);
            }
            entry.Ids.Add(statement.Id);
            rows[id] = (entry.Row.Apply(facts, module, relation, statement.PartnerId), entry.Ids);
        }

        if (any && learners is not null)
        {
            if (!learners.TryGetValue(facts.LearnerId, out var learner))
            {
                learner = _learners.FindById(facts.LearnerId) ?? new LearnerDocument
                {
                    Id = facts.LearnerId,
                    FirstSeen = facts.Timestamp.UtcDateTime,
                    LastSeen = facts.Timestamp.UtcDateTime,
                };
                learners[facts.LearnerId] = learner;
            }
            learner.Name = facts.LearnerName ?? learner.Name;
            learner.PartnerId ??= statement.PartnerId;
            learner.AccountHomePage ??= facts.Account?.HomePage;
            learner.AccountName ??= facts.Account?.Name;
            learner.FirstSeen = facts.Timestamp.UtcDateTime < learner.FirstSeen ? facts.Timestamp.UtcDateTime : learner.FirstSeen;
            learner.LastSeen = facts.Timestamp.UtcDateTime > learner.LastSeen ? facts.Timestamp.UtcDateTime : learner.LastSeen;
        }
    }

    private IEnumerable<(ModuleInfo Module, ModuleRelation Relation)> Relations(StatementFacts facts)
    {
        if (facts.VerbId == Verbs.Attended)
        {
            foreach (var module in Catalog.ForWebinar(facts.ObjectId))
            {
                yield return (module, ModuleRelation.Webinar);
            }
        }

        if (Catalog.ByActivity(facts.ObjectId) is { } direct)
        {
            yield return (direct, ModuleRelation.Module);
            yield break;
        }

        var part = Catalog.Containing(facts.ObjectId)
            ?? facts.ContextActivityIds.Select(Catalog.Containing).FirstOrDefault(m => m is not null);
        if (part is not null)
        {
            yield return (part, ModuleRelation.Part);
        }
    }
}
