namespace TrainingLrs.Reporting.Organisations;

/// <summary>Members and partners. Writes are whole batches: all rows apply or none.</summary>
public interface IOrganisationStore
{
    /// <summary>All members, by id.</summary>
    IReadOnlyList<Member> Members();

    /// <summary>All partners, by id.</summary>
    IReadOnlyList<Partner> Partners();

    /// <summary>One partner, or null.</summary>
    Partner? FindPartner(string id);

    /// <summary>Partners serving <paramref name="memberId"/>, by id.</summary>
    IReadOnlyList<Partner> PartnersOf(string memberId);

    /// <summary>Changes whenever members or partners may have changed.</summary>
    long Version { get; }

    /// <summary>Inserts or replaces members by id in one transaction; returns how many were new and changed.</summary>
    UpsertCounts UpsertMembers(IReadOnlyCollection<Member> members);

    /// <summary>Inserts or replaces partners by id in one transaction; returns how many were new and changed.</summary>
    UpsertCounts UpsertPartners(IReadOnlyCollection<Partner> partners);
}

/// <summary>What an upsert did.</summary>
/// <param name="Inserted">Rows that did not exist.</param>
/// <param name="Updated">Rows that existed and changed.</param>
/// <param name="Unchanged">Rows that existed and were identical.</param>
public sealed record UpsertCounts(int Inserted, int Updated, int Unchanged);
