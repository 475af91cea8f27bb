using LiteDB;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Reporting.Organisations;

/// <summary>Members and partners in the <c>members</c> and <c>partners</c> collections of the one database.</summary>
public sealed class LiteDbOrganisationStore : IOrganisationStore
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<MemberDocument> _members;
    private readonly ILiteCollection<PartnerDocument> _partners;

    // See PrepareMapping: LiteDB must not map these for the first time on two threads at once.
    static LiteDbOrganisationStore()
    {
        LrsDatabase.PrepareMapping<MemberDocument>();
        LrsDatabase.PrepareMapping<PartnerDocument>();
    }

    /// <summary>Uses <paramref name="database"/> and makes sure the indexes exist.</summary>
    public LiteDbOrganisationStore(LrsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database.Database;
        _members = _database.GetCollection<MemberDocument>("members");
        _partners = _database.GetCollection<PartnerDocument>("partners");
        // The tenant filter of every member query goes through this multi-key index.
        _partners.EnsureIndex("MemberIds", "$.MemberIds[*]");
    }

    /// <inheritdoc />
    public long Version => Interlocked.Read(ref _version);

    private long _version;

    /// <inheritdoc />
    public IReadOnlyList<Member> Members() =>
        [.. _members.FindAll().OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => new Member(m.Id, m.Name))];

    /// <inheritdoc />
    public IReadOnlyList<Partner> Partners() =>
        [.. _partners.FindAll().OrderBy(p => p.Id, StringComparer.Ordinal).Select(ToPartner)];

    /// <inheritdoc />
    public Partner? FindPartner(string id) => _partners.FindById(id) is { } document ? ToPartner(document) : null;

    /// <inheritdoc />
    public IReadOnlyList<Partner> PartnersOf(string memberId) =>
        [.. _partners.Find(BsonExpression.Create("$.MemberIds[*] ANY = @0", new BsonValue(memberId))).OrderBy(p => p.Id, StringComparer.Ordinal).Select(ToPartner)];

    /// <inheritdoc />
    public UpsertCounts UpsertMembers(IReadOnlyCollection<Member> members) =>
        Upsert(_members, members.Select(m => new MemberDocument { Id = m.Id, Name = m.Name }));

    /// <inheritdoc />
    public UpsertCounts UpsertPartners(IReadOnlyCollection<Partner> partners) =>
        Upsert(_partners, partners.Select(FromPartner));

    private UpsertCounts Upsert<T>(ILiteCollection<T> collection, IEnumerable<T> documents)
        where T : IDocument
    {
        int inserted = 0, updated = 0, unchanged = 0;
        _database.BeginTrans();
        try
        {
            foreach (var document in documents)
            {
                var existing = collection.FindById(document.Id);
                if (existing is null)
                {
                    collection.Insert(document);
                    inserted++;
                }
                else if (_database.Mapper.ToDocument(existing).CompareTo(_database.Mapper.ToDocument(document)) == 0)
                {
                    unchanged++;
                }
                else
                {
                    collection.Update(document);
                    updated++;
                }
            }
            _database.Commit();
            Interlocked.Increment(ref _version);
        }
        catch
        {
            _database.Rollback();
            throw;
        }
        return new UpsertCounts(inserted, updated, unchanged);
    }

    private static Partner ToPartner(PartnerDocument d) => new(
        d.Id, d.Name, d.Type, d.State, d.LmsHomePage, d.MemberIds, new PartnerContact(d.ContactName, d.ContactEmail, d.ContactPhone));

    private static PartnerDocument FromPartner(Partner p) => new()
    {
        Id = p.Id,
        Name = p.Name,
        Type = p.Type,
        State = p.State,
        LmsHomePage = p.LmsHomePage,
        MemberIds = [.. p.MemberIds],
        ContactName = p.Contact.Name,
        ContactEmail = p.Contact.Email,
        ContactPhone = p.Contact.Phone,
    };

    internal interface IDocument
    {
        string Id { get; }
    }

    internal sealed class MemberDocument : IDocument
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
    }

    internal sealed class PartnerDocument : IDocument
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public PartnerType Type { get; set; }
        public string State { get; set; } = "";
        public string? LmsHomePage { get; set; }
        public List<string> MemberIds { get; set; } = [];
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }
    }
}
