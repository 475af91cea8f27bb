using System.Collections.Concurrent;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Reports;

/// <summary>
/// One tenant scope's report data as read at one moment: completion rows, learners, and whatever report
/// sets were derived from them (each a named part, built once on first use). Parts of one snapshot are
/// consistent with each other, and the pages of one Excel refresh read the same snapshot.
/// </summary>
public sealed class ReportSnapshot
{
    private readonly ICompletionStore _completions;
    private readonly ConcurrentDictionary<string, Lazy<object>> _parts = new(StringComparer.Ordinal);
    // In first-use order, so a refresh can rebuild the same parts before it replaces this snapshot.
    private readonly ConcurrentQueue<(string Kind, Func<ReportSnapshot, object> Build)> _builders = new();

    internal ReportSnapshot(ICompletionStore completions, (long Completions, long Organisations) version, DateTimeOffset takenAt, IReadOnlyCollection<string>? partnerIds)
    {
        _completions = completions;
        Version = version;
        TakenAt = takenAt;
        PartnerIds = partnerIds;
    }

    /// <summary>The store versions the snapshot was read at.</summary>
    public (long Completions, long Organisations) Version { get; }

    /// <summary>When the snapshot was read: it holds every change committed before this.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The scope's partners, or null for every partner.</summary>
    public IReadOnlyCollection<string>? PartnerIds { get; }

    /// <summary>Completion rows of the scope's partners (every row for admin).</summary>
    public IReadOnlyList<CompletionRow> Rows => Part("rows", s => s._completions.Rows(s.PartnerIds));

    /// <summary>Learners of the scope's partners (every learner for admin).</summary>
    public IReadOnlyList<Learner> Learners => Part("learners", s => s._completions.Learners(s.PartnerIds));

    /// <summary>
    /// A set derived from this snapshot (a mapped, sorted report set), built by <paramref name="build"/>
    /// on first use and kept with the snapshot; <paramref name="build"/> must read only the snapshot.
    /// </summary>
    public T Part<T>(string kind, Func<ReportSnapshot, T> build)
        where T : class =>
        (T)_parts.GetOrAdd(kind, k =>
        {
            _builders.Enqueue((k, build));
            return new Lazy<object>(() => build(this), LazyThreadSafetyMode.ExecutionAndPublication);
        }).Value;

    /// <summary>A snapshot read now, with the parts this one has already built (when <paramref name="withParts"/>).</summary>
    internal ReportSnapshot Successor((long, long) version, DateTimeOffset takenAt, IReadOnlyCollection<string>? partnerIds, bool withParts)
    {
        var next = new ReportSnapshot(_completions, version, takenAt, partnerIds);
        if (withParts)
        {
            foreach (var (kind, build) in _builders)
            {
                next.Part(kind, build);
            }
        }
        return next;
    }
}
