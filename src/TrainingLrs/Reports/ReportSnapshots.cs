using System.Collections.Concurrent;
using TrainingLrs.Configuration;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reports;

/// <summary>
/// The current <see cref="ReportSnapshot"/> of each tenant scope, read from the database once and
/// shared by the requests that follow: a member's Excel refresh pages through tens of thousands of
/// rows, and re-reading them for every page would cost a second each.
/// </summary>
/// <remarks>
/// Freshness (<c>Reports:SnapshotSeconds</c>, S): a snapshot is used as it is while nothing has
/// changed. Once statements arrive, a snapshot that requests use is rebuilt in the background when it
/// is S/2 old (stale-while-revalidate): requests keep the old one until the new one is complete, so no
/// request waits for a rebuild, and a report lags the statements by at most S/2 plus one rebuild
/// (normally under S). A snapshot no request has used yet (one built at start-up) is served only while
/// it is current; the first request after a change rebuilds it, as before there were snapshots.
/// S = 0 always reads the latest, rebuilding on the request when anything changed.
/// </remarks>
public sealed class ReportSnapshots(ICompletionStore completions, IOrganisationStore organisations, TrainingLrsSettings settings, TimeProvider clock, ILogger<ReportSnapshots> logger)
{
    private const int MaxEntries = 64;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _refreshes = new();
    // One background rebuild at a time, so rebuilding never takes more than one core from requests and writes.
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private (long, long) _lastTickVersion;
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up warm-up has built every scope's snapshot (or given up).</summary>
    public Task Warmed => _warm.Task;

    /// <summary>Completion rows of the scope's partners (every row for admin).</summary>
    public IReadOnlyList<CompletionRow> Rows(ReportScope scope) => For(scope).Rows;

    /// <summary>Learners of the scope's partners (every learner for admin).</summary>
    public IReadOnlyList<Learner> Learners(ReportScope scope) => For(scope).Learners;

    /// <summary>The snapshot a request in <paramref name="scope"/> reads.</summary>
    public ReportSnapshot For(ReportScope scope)
    {
        var entry = EntryOf(scope);
        var snapshot = entry.Current;
        if (snapshot.Version != CurrentVersion)
        {
            if (!entry.Used || MaxAge == TimeSpan.Zero)
            {
                // A background rebuild started since the change is as good as one made now, and half done.
                if (entry.Building && entry.Rebuild is { IsCompleted: false } running)
                {
                    running.Wait();
                }
                snapshot = entry.Current.Version == CurrentVersion ? entry.Current : RebuildNow(entry, scope);
            }
            else if (clock.GetUtcNow() - snapshot.TakenAt >= MaxAge / 2)
            {
                StartRefresh(entry, scope);
            }
        }
        entry.Used = true;
        entry.LastUsed = clock.GetUtcNow();
        return snapshot;
    }

    /// <summary>
    /// Builds <paramref name="scope"/>'s snapshot ahead of its first request, with the parts
    /// <paramref name="prepare"/> touches; the snapshot does not count as used.
    /// </summary>
    public void Warm(ReportScope scope, Action<ReportSnapshot> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var entry = EntryOf(scope);
        var snapshot = entry.Current.Version == CurrentVersion ? entry.Current : RebuildNow(entry, scope);
        prepare(snapshot);
    }

    /// <summary>
    /// Starts the background rebuild of snapshots that are out of date and at least S/2 old; called every
    /// second. Snapshots requests use are rebuilt even while statements keep arriving; the others (built
    /// at start-up, not read yet) once the statements pause, so a burst of writes (an import, the demo
    /// seeding) is not slowed by rebuilding reports nobody is looking at.
    /// </summary>
    public void RefreshDue()
    {
        if (MaxAge == TimeSpan.Zero)
        {
            return;
        }
        var version = CurrentVersion;
        var quiet = version == _lastTickVersion;
        _lastTickVersion = version;
        var now = clock.GetUtcNow();
        // Most recently used first: rebuilds run one at a time, in the order they are started.
        foreach (var (key, entry) in _entries.OrderByDescending(e => e.Value.LastUsed))
        {
            var snapshot = entry.Current;
            if (snapshot.Version != version && now - snapshot.TakenAt >= MaxAge / 2 && (entry.Used || quiet))
            {
                StartRefresh(entry, new ReportScope(key.Length == 0 ? null : key));
            }
        }
    }

    internal void SetWarm() => _warm.TrySetResult();

    /// <summary>Completes when no background rebuild is running.</summary>
    public Task IdleAsync() => Task.WhenAll(_refreshes.Keys);

    private TimeSpan MaxAge => TimeSpan.FromSeconds(settings.Reports.SnapshotSeconds);

    private (long, long) CurrentVersion => (completions.Version, organisations.Version);

    private Entry EntryOf(ReportScope scope)
    {
        var key = scope.MemberId ?? "";
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry;
        }
        entry = _entries.GetOrAdd(key, _ => new Entry(Read(scope, previous: null, withParts: false)));
        if (_entries.Count > MaxEntries)
        {
            foreach (var old in _entries.Where(e => e.Key != key).OrderBy(e => e.Value.LastUsed).Take(_entries.Count - MaxEntries))
            {
                _entries.TryRemove(old.Key, out _);
            }
        }
        return entry;
    }

    // The version is taken before reading, so a change made during the read makes the snapshot out of date.
    private ReportSnapshot Read(ReportScope scope, ReportSnapshot? previous, bool withParts)
    {
        var version = CurrentVersion;
        var now = clock.GetUtcNow();
        var partners = scope.SeesAll ? null : scope.Partners(organisations).Select(p => p.Id).ToArray();
        return previous?.Successor(version, now, partners, withParts) ?? new ReportSnapshot(completions, version, now, partners);
    }

    private ReportSnapshot RebuildNow(Entry entry, ReportScope scope)
    {
        lock (entry)
        {
            // Another request may have rebuilt it while this one waited.
            if (entry.Current.Version == CurrentVersion)
            {
                return entry.Current;
            }
            var fresh = Read(scope, entry.Current, withParts: false);
            entry.Current = fresh;
            return fresh;
        }
    }

    private void StartRefresh(Entry entry, ReportScope scope)
    {
        if (Interlocked.CompareExchange(ref entry.Refreshing, 1, 0) != 0)
        {
            return;
        }
        var task = Task.Run(async () =>
        {
            await _rebuildGate.WaitAsync();
            entry.Building = true;
            try
            {
                // Built completely (every part the old snapshot had) before requests see it.
                var fresh = Read(scope, entry.Current, withParts: true);
                lock (entry)
                {
                    if (fresh.TakenAt >= entry.Current.TakenAt)
                    {
                        entry.Current = fresh;
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Requests keep the snapshot they have; the next period tries again.
                logger.LogWarning(e, "Rebuilding the report snapshot of {Scope} failed", scope.MemberId ?? "all members");
            }
            finally
            {
                entry.Building = false;
                _rebuildGate.Release();
                Volatile.Write(ref entry.Refreshing, 0);
            }
        });
        entry.Rebuild = task;
        _refreshes.TryAdd(task, 0);
        task.ContinueWith(t => _refreshes.TryRemove(t, out _), TaskScheduler.Default);
    }

    private sealed class Entry(ReportSnapshot current)
    {
        public volatile ReportSnapshot Current = current;
        public volatile bool Used;
        public int Refreshing;
        public volatile Task? Rebuild;
        public volatile bool Building;
        public DateTimeOffset LastUsed;
    }
}
