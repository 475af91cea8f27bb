using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reports;

/// <summary>The rows of every report set, already cut to a <see cref="ReportScope"/>; shared by OData and CSV.</summary>
public sealed class ReportSource(IOrganisationStore organisations)
{
    /// <summary>The names of the sets, as in the OData service document and the CSV URLs.</summary>
    public static IReadOnlyList<string> SetNames { get; } = ["Members", "Partners", "MemberPartners"];

    /// <summary>Members visible in <paramref name="scope"/>.</summary>
    public IQueryable<MemberRow> Members(ReportScope scope) =>
        scope.Members(organisations).Select(m => new MemberRow { Id = m.Id, Name = m.Name }).AsQueryable();

    /// <summary>Partners visible in <paramref name="scope"/>.</summary>
    public IQueryable<PartnerRow> Partners(ReportScope scope) =>
        scope.Partners(organisations).Select(p => new PartnerRow
        {
            Id = p.Id,
            Name = p.Name,
            Type = p.Type.ToName(),
            State = p.State,
            LmsHomePage = p.LmsHomePage,
            ContactName = p.Contact.Name,
            ContactEmail = p.Contact.Email,
            ContactPhone = p.Contact.Phone,
        }).AsQueryable();

    /// <summary>Member–partner links visible in <paramref name="scope"/>.</summary>
    public IQueryable<MemberPartnerRow> MemberPartners(ReportScope scope) =>
        scope.Links(organisations).Select(l => new MemberPartnerRow { MemberId = l.MemberId, PartnerId = l.PartnerId }).AsQueryable();

    /// <summary>A set by name, for the CSV export; null for an unknown name.</summary>
    public IQueryable? Set(string name, ReportScope scope) => name switch
    {
        "Members" => Members(scope),
        "Partners" => Partners(scope),
        "MemberPartners" => MemberPartners(scope),
        _ => null,
    };
}
