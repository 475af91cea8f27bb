using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reports;

/// <summary>
/// What one reporting credential may see: every member (admin, or a reporting key bound to no member)
/// or one member's partners. Computed from the credential on the server before any query option runs.
/// </summary>
public sealed record ReportScope(string? MemberId)
{
    /// <summary>Whether all members are visible.</summary>
    public bool SeesAll => MemberId is null;

    /// <summary>The scope of <paramref name="credential"/>.</summary>
    public static ReportScope For(Credential credential) => new(credential.HasScope(Scopes.Admin) ? null : credential.MemberId);

    /// <summary>Members visible in this scope.</summary>
    public IEnumerable<Member> Members(IOrganisationStore store) =>
        SeesAll ? store.Members() : store.Members().Where(m => m.Id == MemberId);

    /// <summary>Partners visible in this scope.</summary>
    public IReadOnlyList<Partner> Partners(IOrganisationStore store) =>
        SeesAll ? store.Partners() : store.PartnersOf(MemberId!);

    /// <summary>Member–partner links visible in this scope.</summary>
    public IEnumerable<(string MemberId, string PartnerId)> Links(IOrganisationStore store) =>
        Partners(store).SelectMany(p => p.MemberIds.Where(m => SeesAll || m == MemberId).Select(m => (m, p.Id)));
}
