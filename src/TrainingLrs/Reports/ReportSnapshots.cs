using System.Collections.Concurrent;
using TrainingLrs.Configuration;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reports;

/// <summary>
/// Completion rows and learners per tenant scope, read from the database once and shared by the
/// requests that follow: a member's Excel refresh pages through tens of thousands of rows, and
/// re-reading them for every page would cost a second each. A snapshot is reused while nothing has
/// changed, and for up to <c>Reports:SnapshotSeconds</c> while statements keep arriving, which also
/// keeps the pages of one refresh consistent with each other.
/// </summary>
public sealed class ReportSnapshots(ICompletionStore completions, IOrganisationStore organisations, TrainingLrsSettings settings, TimeProvider clock)
{
    private const int MaxEntries = 64;
    private readonly ConcurrentDictionary<(string Kind, string? Member), Lazy<Snapshot>> _entries = new();

    /// <summary>Completion rows of the scope's partners (every row for admin).</summary>
    public IReadOnlyList<CompletionRow> Rows(ReportScope scope) =>
        Get("rows", scope, partners => completions.Rows(partners));

    /// <summary>Learners of the scope's partners (every learner for admin).</summary>
    public IReadOnlyList<Learner> Learners(ReportScope scope) =>
        Get("learners", scope, partners => completions.Learners(partners));

    /// <summary>
    /// Anything derived from the scope's data (a mapped, sorted report set), cached under
    /// <paramref name="kind"/> with the same freshness rules as the rows it is built from.
    /// </summary>
    public T Get<T>(string kind, ReportScope scope, Func<IReadOnlyCollection<string>?, T> load)
        where T : class
    {
        var key = (kind, scope.MemberId);
        var version = (completions.Version, organisations.Version);
        var now = clock.GetUtcNow();
        var maxAge = TimeSpan.FromSeconds(settings.Reports.SnapshotSeconds);
        var entry = _entries.GetOrAdd(key, _ => NewEntry(scope, version, now, load));
        var snapshot = entry.Value;
        if (snapshot.Version != version && now - snapshot.TakenAt >= maxAge)
        {
            var fresh = NewEntry(scope, version, now, load);
            // Whoever wins the swap loads; the others use the winner's result.
            entry = _entries.TryUpdate(key, fresh, entry) ? fresh : _entries[key];
            snapshot = entry.Value;
        }
        if (_entries.Count > MaxEntries)
        {
            foreach (var old in _entries.Where(e => e.Key != key).OrderBy(e => e.Value.IsValueCreated ? e.Value.Value.TakenAt : now).Take(_entries.Count - MaxEntries))
            {
                _entries.TryRemove(old.Key, out _);
            }
        }
        return (T)snapshot.Value;
    }

    private Lazy<Snapshot> NewEntry<T>(ReportScope scope, (long, long) version, DateTimeOffset now, Func<IReadOnlyCollection<string>?, T> load)
        where T : class =>
        new(() => new Snapshot(version, now, load(scope.SeesAll ? null : scope.Partners(organisations).Select(p => p.Id).ToArray())));

    private sealed record Snapshot((long, long) Version, DateTimeOffset TakenAt, object Value);
}
