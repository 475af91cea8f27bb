using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Security;

namespace TrainingLrs.Reports;

/// <summary>Who may read reports, and the registration of the OData and CSV endpoints.</summary>
public static class ReportAuthorization
{
    /// <summary>Admin keys, and reporting keys that are not bound to a partner.</summary>
    public const string PolicyName = "reports";

    /// <summary>Registers OData at <c>/odata</c>, the report source and the reporting policy.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportSnapshots>();
        services.AddSingleton<ReportSource>();
        services.AddHostedService<ReportSnapshotRefresher>();
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(CredentialAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http && http.GetCredential() is { } credential
                && (credential.HasScope(Scopes.Admin) || (credential.HasScope(Scopes.Reports) && credential.PartnerId is null))));
        // Named explicitly: MVC otherwise looks for controllers in the entry assembly, which is not this
        // one when the server is hosted by tests or another program.
        services.AddControllers()
            .AddApplicationPart(typeof(ReportController).Assembly)
            .AddApplicationPart(typeof(Microsoft.AspNetCore.OData.Routing.Controllers.MetadataController).Assembly)
            .AddOData(options => options
            .AddRouteComponents("odata", ReportModel.Build())
            .Select().Filter().OrderBy().Count().SetMaxTop(ReportQueryAttribute.MaxTopValue));
        return services;
    }

    /// <summary>Maps the OData controllers and the CSV export.</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapControllers();
        app.MapReportCsv();
        return app;
    }
}
