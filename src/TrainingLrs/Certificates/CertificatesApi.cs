using Scriban.Runtime;
using TrainingLrs.Pages;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Certificates;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Certificates;

/// <summary>
/// <c>/certificates/{code}</c>: a printable certificate for a satisfied learner × module (the code,
/// an unguessable HMAC, is what gives access; members find it in the Completions report).
/// <c>/verify/{code}</c> and <c>/verify?code=</c>: confirms a certificate to anyone, without the
/// learner's name or partner.
/// </summary>
public static class CertificatesApi
{
    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/certificates/{code}", GetCertificate).AllowAnonymous();
        app.MapGet("/verify/{code}", (string code, HttpContext context, ICompletionStore completions, ModuleCatalog catalog) => Verify(code, context, completions, catalog)).AllowAnonymous();
        app.MapGet("/verify", (string? code, HttpContext context, ICompletionStore completions, ModuleCatalog catalog) => Verify(code, context, completions, catalog)).AllowAnonymous();
        return app;
    }

    internal static IResult GetCertificate(string code, HttpContext context, ICompletionStore completions, IOrganisationStore organisations, ModuleCatalog catalog)
    {
        if (completions.FindCertificate(code) is not { Satisfied: true } row)
        {
            return Results.Content(VerifyPage(code, checkedCode: true, null, catalog), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var learner = completions.FindLearner(row.LearnerId);
        var partner = row.PartnerId is { } partnerId ? organisations.FindPartner(partnerId) : null;
        var globals = new ScriptObject
        {
            ["css"] = HtmlTemplates.Css,
            ["learner_name"] = learner?.Name ?? "Learner " + row.LearnerId[..8],
            ["partner_name"] = partner?.Name,
            ["module_title"] = catalog.Find(row.ModuleId)?.Title ?? row.ModuleId,
            ["course_title"] = catalog.CourseTitle,
            ["satisfied_on"] = row.SatisfiedAt?.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["code"] = row.CertificateCode,
            ["verify_url"] = $"{context.Request.Scheme}://{context.Request.Host}/verify/{row.CertificateCode}",
        };
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Content(HtmlTemplates.Render("Certificates.certificate.html", globals), "text/html; charset=utf-8");
    }

    private static IResult Verify(string? code, HttpContext context, ICompletionStore completions, ModuleCatalog catalog)
    {
        var row = string.IsNullOrWhiteSpace(code) ? null : completions.FindCertificate(code);
        var valid = row is { Satisfied: true };
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(
            VerifyPage(CertificateCodes.Normalize(code) ?? code ?? "", checkedCode: !string.IsNullOrWhiteSpace(code), valid ? row : null, catalog),
            "text/html; charset=utf-8",
            statusCode: string.IsNullOrWhiteSpace(code) || valid ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    private static string VerifyPage(string code, bool checkedCode, CompletionRow? row, ModuleCatalog catalog) =>
        HtmlTemplates.Render("Certificates.verify.html", new ScriptObject
        {
            ["css"] = HtmlTemplates.Css,
            ["checked"] = checkedCode,
            ["valid"] = row is not null,
            ["code"] = code,
            ["module_title"] = row is null ? null : catalog.Find(row.ModuleId)?.Title ?? row.ModuleId,
            ["satisfied_on"] = row?.SatisfiedAt?.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture),
        });
}
