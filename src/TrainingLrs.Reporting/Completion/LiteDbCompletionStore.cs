using LiteDB;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Certificates;

namespace TrainingLrs.Reporting.Completion;

/// <summary>
/// The <c>completions</c> and <c>learners</c> collections, and the projection that keeps them current
/// from statements, inside the LRS writer's transaction.
/// </summary>
public sealed partial class LiteDbCompletionStore : ICompletionStore
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<RowDocument> _rows;
    private readonly ILiteCollection<LearnerDocument> _learners;
    private readonly CertificateCodes _certificates;

    // See PrepareMapping: LiteDB must not map these for the first time on two threads at once.
    static LiteDbCompletionStore()
    {
        LrsDatabase.PrepareMapping<RowDocument>();
        LrsDatabase.PrepareMapping<LearnerDocument>();
    }

    /// <summary>Uses <paramref name="database"/> and makes sure the indexes exist.</summary>
    public LiteDbCompletionStore(LrsDatabase database, ModuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database.Database;
        Catalog = catalog;
        _certificates = CertificateCodes.For(database);
        _rows = _database.GetCollection<RowDocument>("completions");
        _learners = _database.GetCollection<LearnerDocument>("learners");
        _rows.EnsureIndex(r => r.PartnerId);
        _rows.EnsureIndex(r => r.ModuleId);
        _rows.EnsureIndex(r => r.LearnerId);
        // Voiding finds the rows a statement contributed to through this index.
        _rows.EnsureIndex("StatementIds", "$.StatementIds[*]");
        _rows.EnsureIndex(r => r.CertificateCode);
        _learners.EnsureIndex(l => l.PartnerId);
    }

    /// <summary>The course the projection counts against.</summary>
    public ModuleCatalog Catalog { get; }

    /// <inheritdoc />
    public IReadOnlyList<CompletionRow> Rows(IReadOnlyCollection<string>? partnerIds = null) =>
        [.. Select(_rows, partnerIds, nameof(RowDocument.PartnerId)).Select(ToRow)];

    /// <inheritdoc />
    public CompletionRow? Find(string learnerId, string moduleId) =>
        _rows.FindById(RowId(learnerId, moduleId)) is { } document ? ToRow(document) : null;

    /// <inheritdoc />
    public IReadOnlyList<Learner> Learners(IReadOnlyCollection<string>? partnerIds = null) =>
        [.. Select(_learners, partnerIds, nameof(LearnerDocument.PartnerId)).Select(ToLearner)];

    /// <inheritdoc />
    public int Count() => _rows.Count();

    /// <inheritdoc />
    public CompletionRow? FindCertificate(string code) =>
        CertificateCodes.Normalize(code) is { } normalized && _rows.FindOne(r => r.CertificateCode == normalized) is { } document ? ToRow(document) : null;

    /// <inheritdoc />
    public Learner? FindLearner(string learnerId) => _learners.FindById(learnerId) is { } document ? ToLearner(document) : null;

    /// <inheritdoc />
    public long Version => Interlocked.Read(ref _version);

    private long _version;

    private static IEnumerable<T> Select<T>(ILiteCollection<T> collection, IReadOnlyCollection<string>? partnerIds, string field)
    {
        if (partnerIds is null)
        {
            return collection.FindAll();
        }
        // One indexed lookup per partner: a member has at most a few hundred partners.
        return partnerIds.Distinct(StringComparer.Ordinal).SelectMany(p => collection.Find(Query.EQ(field, p)));
    }

    private static string RowId(string learnerId, string moduleId) => learnerId + "|" + moduleId;

    private static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    private static DateTimeOffset FromUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static CompletionRow ToRow(RowDocument d) => new()
    {
        LearnerId = d.LearnerId,
        ModuleId = d.ModuleId,
        PartnerId = d.PartnerId,
        Status = d.Status,
        Satisfied = d.Satisfied,
        SatisfiedAt = d.SatisfiedAt is { } at ? FromUtc(at) : null,
        BestScore = d.BestScore,
        Attempts = d.Attempts,
        FirstActivity = FromUtc(d.FirstActivity),
        LastActivity = FromUtc(d.LastActivity),
        TimeSpent = TimeSpan.FromTicks(d.TimeSpentTicks),
        HasCompleted = d.HasCompleted,
        HasPassed = d.HasPassed,
        HasFailed = d.HasFailed,
        HasAttended = d.HasAttended,
        HasWaiver = d.HasWaiver,
        CertificateCode = d.CertificateCode,
    };

    private RowDocument ToDocument(CompletionRow r, List<string> statementIds) => new()
    {
        Id = RowId(r.LearnerId, r.ModuleId),
        LearnerId = r.LearnerId,
        ModuleId = r.ModuleId,
        PartnerId = r.PartnerId,
        Status = r.Status,
        Satisfied = r.Satisfied,
        SatisfiedAt = r.SatisfiedAt is { } at ? Utc(at) : null,
        BestScore = r.BestScore,
        Attempts = r.Attempts,
        FirstActivity = Utc(r.FirstActivity),
        LastActivity = Utc(r.LastActivity),
        TimeSpentTicks = r.TimeSpent.Ticks,
        HasCompleted = r.HasCompleted,
        HasPassed = r.HasPassed,
        HasFailed = r.HasFailed,
        HasAttended = r.HasAttended,
        HasWaiver = r.HasWaiver,
        CertificateCode = r.Satisfied ? _certificates.For(r.LearnerId, r.ModuleId) : null,
        StatementIds = statementIds,
    };

    private static Learner ToLearner(LearnerDocument d) =>
        new(d.Id, d.Name, d.PartnerId, d.AccountHomePage, d.AccountName, FromUtc(d.FirstSeen), FromUtc(d.LastSeen));

    internal sealed class RowDocument
    {
        public string Id { get; set; } = "";
        public string LearnerId { get; set; } = "";
        public string ModuleId { get; set; } = "";
        public string? PartnerId { get; set; }
        public CompletionStatus Status { get; set; }
        public bool Satisfied { get; set; }
        public DateTime? SatisfiedAt { get; set; }
        public double? BestScore { get; set; }
        public int Attempts { get; set; }
        public DateTime FirstActivity { get; set; }
        public DateTime LastActivity { get; set; }
        public long TimeSpentTicks { get; set; }
        public bool HasCompleted { get; set; }
        public bool HasPassed { get; set; }
        public bool HasFailed { get; set; }
        public bool HasAttended { get; set; }
        public bool HasWaiver { get; set; }
        public string? CertificateCode { get; set; }
        public List<string> StatementIds { get; set; } = [];
    }

    internal sealed class LearnerDocument
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? PartnerId { get; set; }
        public string? AccountHomePage { get; set; }
        public string? AccountName { get; set; }
        public DateTime FirstSeen { get; set; }
        public DateTime LastSeen { get; set; }
    }
}
