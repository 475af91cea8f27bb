using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace TrainingLrs.Reports;

/// <summary>The OData model of <c>/odata</c>: one entity set per report, each with a key.</summary>
public static class ReportModel
{
    /// <summary>The service namespace in <c>$metadata</c>.</summary>
    public const string Namespace = "TrainingLrs";

    /// <summary>Builds the model.</summary>
    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "Reports" };
        builder.EntitySet<MemberRow>("Members").EntityType.HasKey(m => m.Id);
        builder.EntitySet<PartnerRow>("Partners").EntityType.HasKey(p => p.Id);
        builder.EntitySet<MemberPartnerRow>("MemberPartners").EntityType.HasKey(l => new { l.MemberId, l.PartnerId });
        builder.EntitySet<LearnerRow>("Learners").EntityType.HasKey(l => l.Id);
        builder.EntitySet<ModuleRow>("Modules").EntityType.HasKey(m => m.Id);
        builder.EntitySet<CompletionReportRow>("Completions").EntityType.HasKey(c => c.Id);
        builder.EntitySet<PartnerProgressRow>("PartnerProgress").EntityType.HasKey(p => new { p.PartnerId, p.ModuleId });
        builder.EntitySet<CampaignStatusRow>("CampaignStatus").EntityType.HasKey(c => c.PartnerId);
        foreach (var type in builder.StructuralTypes)
        {
            type.Namespace = Namespace;
        }
        return builder.GetEdmModel();
    }
}
