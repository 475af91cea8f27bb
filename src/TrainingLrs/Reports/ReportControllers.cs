using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using TrainingLrs.Lrs.Security;

namespace TrainingLrs.Reports;

/// <summary>
/// Base of the report controllers: authorises the reporting scopes and resolves the tenant scope
/// before any query option is applied.
/// </summary>
[Authorize(Policy = ReportAuthorization.PolicyName)]
public abstract class ReportController : ODataController
{
    /// <summary>The caller's scope; the policy guarantees an authenticated credential.</summary>
    protected ReportScope Scope => ReportScope.For(HttpContext.GetCredential()!);
}

/// <summary><c>/odata/Members</c>.</summary>
public sealed class MembersController(ReportSource source) : ReportController
{
    /// <summary>All visible members.</summary>
    [ReportQuery]
    public IQueryable<MemberRow> Get() => source.Members(Scope);
}

/// <summary><c>/odata/Partners</c>.</summary>
public sealed class PartnersController(ReportSource source) : ReportController
{
    /// <summary>All visible partners.</summary>
    [ReportQuery]
    public IQueryable<PartnerRow> Get() => source.Partners(Scope);
}

/// <summary><c>/odata/MemberPartners</c>.</summary>
public sealed class MemberPartnersController(ReportSource source) : ReportController
{
    /// <summary>All visible member–partner links.</summary>
    [ReportQuery]
    public IQueryable<MemberPartnerRow> Get() => source.MemberPartners(Scope);
}
