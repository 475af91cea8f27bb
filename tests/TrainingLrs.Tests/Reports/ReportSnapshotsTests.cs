using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingLrs.Configuration;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Reports;

namespace TrainingLrs.Tests.Reports;

public sealed class ReportSnapshotsTests : IDisposable
{
    private static readonly ReportScope s_all = new(MemberId: null);
    private readonly ManualClock _clock = new();
    private readonly FakeCompletions _completions = new();

    public void Dispose() => _completions.Dispose();

    private ReportSnapshots Snapshots(int snapshotSeconds = 30) => new(
        _completions, new NoOrganisations(), new TrainingLrsSettings { Reports = new ReportsSettings { SnapshotSeconds = snapshotSeconds } },
        _clock, NullLogger<ReportSnapshots>.Instance);

    [Fact]
    public async Task Request_while_a_snapshot_is_rebuilt_gets_the_previous_one_without_waiting()
    {
        var snapshots = Snapshots();
        _completions.Add("a");
        Assert.Single(snapshots.Rows(s_all));

        _completions.Add("b");
        _clock.Advance(TimeSpan.FromSeconds(16));
        _completions.BlockReads();
        // The rebuild this request starts is stuck reading; the request is served from the old snapshot.
        var served = await Task.Run(() => snapshots.Rows(s_all)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a"], served.Select(r => r.LearnerId));
        Assert.Equal(["a"], (await Task.Run(() => snapshots.Rows(s_all)).WaitAsync(TimeSpan.FromSeconds(10))).Select(r => r.LearnerId));

        _completions.ReleaseReads();
        await snapshots.IdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a", "b"], snapshots.Rows(s_all).Select(r => r.LearnerId));
    }

    [Fact]
    public async Task New_completions_appear_within_half_the_snapshot_seconds_while_requests_keep_reading()
    {
        var snapshots = Snapshots(snapshotSeconds: 30);
        Assert.Empty(snapshots.Rows(s_all));

        _completions.Add("a");
        _clock.Advance(TimeSpan.FromSeconds(14));
        snapshots.RefreshDue();
        await snapshots.IdleAsync();
        Assert.Empty(snapshots.Rows(s_all));

        _clock.Advance(TimeSpan.FromSeconds(1));
        snapshots.RefreshDue();
        await snapshots.IdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a"], snapshots.Rows(s_all).Select(r => r.LearnerId));
    }

    [Fact]
    public void Unchanged_snapshot_is_reused_however_old()
    {
        var snapshots = Snapshots();
        _completions.Add("a");
        snapshots.Rows(s_all);
        _clock.Advance(TimeSpan.FromHours(5));
        snapshots.Rows(s_all);
        Assert.Equal(1, _completions.Reads);
    }

    [Fact]
    public void Snapshot_built_ahead_is_used_by_the_first_request_when_nothing_changed()
    {
        var snapshots = Snapshots();
        _completions.Add("a");
        snapshots.Warm(s_all, s => _ = s.Rows);
        Assert.Equal(["a"], snapshots.Rows(s_all).Select(r => r.LearnerId));
        Assert.Equal(1, _completions.Reads);
    }

    [Fact]
    public void Snapshot_built_ahead_is_not_served_once_statements_changed_it()
    {
        var snapshots = Snapshots();
        snapshots.Warm(s_all, s => _ = s.Rows);
        _completions.Add("a");
        Assert.Equal(["a"], snapshots.Rows(s_all).Select(r => r.LearnerId));
    }

    [Fact]
    public async Task Snapshots_no_request_reads_are_rebuilt_only_once_writes_pause()
    {
        var snapshots = Snapshots();
        snapshots.Warm(s_all, s => _ = s.Rows);
        _completions.Add("a");
        _clock.Advance(TimeSpan.FromSeconds(20));
        snapshots.RefreshDue();
        await snapshots.IdleAsync();
        Assert.Equal(1, _completions.Reads);

        // A tick later with no new writes: now it is rebuilt in the background.
        snapshots.RefreshDue();
        await snapshots.IdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _completions.Reads);
        Assert.Equal(["a"], snapshots.Rows(s_all).Select(r => r.LearnerId));
        Assert.Equal(2, _completions.Reads);
    }

    [Fact]
    public void Snapshot_seconds_zero_always_reads_the_latest()
    {
        var snapshots = Snapshots(snapshotSeconds: 0);
        _completions.Add("a");
        Assert.Single(snapshots.Rows(s_all));
        _completions.Add("b");
        Assert.Equal(2, snapshots.Rows(s_all).Count);
    }

    [Fact]
    public void Derived_sets_are_built_from_their_own_snapshot()
    {
        var snapshots = Snapshots(snapshotSeconds: 0);
        _completions.Add("a");
        var first = snapshots.For(s_all);
        _ = first.Rows;
        _completions.Add("b");
        Assert.Equal(1, first.Part("count", s => new StrongBox<int>(s.Rows.Count)).Value);
        Assert.Equal(2, snapshots.For(s_all).Part("count", s => new StrongBox<int>(s.Rows.Count)).Value);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class FakeCompletions : ICompletionStore, IDisposable
    {
        private readonly List<CompletionRow> _rows = [];
        private readonly ManualResetEventSlim _open = new(initialState: true);
        private long _version;
        private int _reads;

        public long Version => Interlocked.Read(ref _version);

        public int Reads => Volatile.Read(ref _reads);

        public void Add(string learnerId)
        {
            lock (_rows)
            {
                _rows.Add(new CompletionRow { LearnerId = learnerId, ModuleId = "m1", FirstActivity = DateTimeOffset.UnixEpoch, LastActivity = DateTimeOffset.UnixEpoch });
            }
            Interlocked.Increment(ref _version);
        }

        public void BlockReads() => _open.Reset();

        public void ReleaseReads() => _open.Set();

        public IReadOnlyList<CompletionRow> Rows(IReadOnlyCollection<string>? partnerIds = null)
        {
            Interlocked.Increment(ref _reads);
            _open.Wait(TimeSpan.FromSeconds(30));
            lock (_rows)
            {
                return [.. _rows];
            }
        }

        public CompletionRow? Find(string learnerId, string moduleId) => null;

        public IReadOnlyList<Learner> Learners(IReadOnlyCollection<string>? partnerIds = null) => [];

        public CompletionRow? FindCertificate(string code) => null;

        public Learner? FindLearner(string learnerId) => null;

        public int Count() => _rows.Count;

        public void Dispose() => _open.Dispose();
    }

    private sealed class NoOrganisations : IOrganisationStore
    {
        public long Version => 0;

        public IReadOnlyList<Member> Members() => [];

        public IReadOnlyList<Partner> Partners() => [];

        public Partner? FindPartner(string id) => null;

        public IReadOnlyList<Partner> PartnersOf(string memberId) => [];

        public UpsertCounts UpsertMembers(IReadOnlyCollection<Member> members) => throw new NotSupportedException();

        public UpsertCounts UpsertPartners(IReadOnlyCollection<Partner> partners) => throw new NotSupportedException();
    }
}
