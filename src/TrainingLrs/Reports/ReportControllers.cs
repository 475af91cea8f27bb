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

/// <summary><c>/odata/Learners</c>.</summary>
public sealed class LearnersController(ReportSource source) : ReportController
{
    /// <summary>Learners of the visible partners.</summary>
    [ReportQuery]
    public IQueryable<LearnerRow> Get() => source.Learners(Scope);
}

/// <summary><c>/odata/Modules</c>.</summary>
public sealed class ModulesController(ReportSource source) : ReportController
{
    /// <summary>The course's modules.</summary>
    [ReportQuery]
    public IQueryable<ModuleRow> Get() => source.Modules(Scope);
}

/// <summary><c>/odata/Completions</c>.</summary>
public sealed class CompletionsController(ReportSource source) : ReportController
{
    /// <summary>Completion rows of the visible partners' learners.</summary>
    [ReportQuery]
    public IQueryable<CompletionReportRow> Get() => source.Completions(Scope);
}

/// <summary><c>/odata/PartnerProgress</c>.</summary>
public sealed class PartnerProgressController(ReportSource source) : ReportController
{
    /// <summary>Per partner × module progress.</summary>
    [ReportQuery]
    public IQueryable<PartnerProgressRow> Get() => source.PartnerProgress(Scope);
}

/// <summary><c>/odata/CampaignStatus</c>.</summary>
public sealed class CampaignStatusController(ReportSource source) : ReportController
{
    /// <summary>Campaign status per partner.</summary>
    [ReportQuery]
    public IQueryable<CampaignStatusRow> Get() => source.CampaignStatus(Scope);
}
