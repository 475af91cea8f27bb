using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Security;
using TrainingLrs.Reporting.Imports;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Admin;

/// <summary>
/// <c>POST /admin/import/members</c> and <c>/admin/import/partners</c> with a CSV body: the HTTP twin
/// of <c>traininglrs import</c>. 200 with counts, or 400 with every problem and nothing applied.
/// </summary>
public static class ImportApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/import").RequireAuthorization(ScopeAuthorization.Policy(Scopes.Admin));
        group.MapPost("/members", (HttpRequest request, IOrganisationStore store) => ImportAsync(request, "members.csv", reader => new OrganisationImporter(store).ImportMembers(reader, "members.csv")));
        group.MapPost("/partners", (HttpRequest request, IOrganisationStore store) => ImportAsync(request, "partners.csv", reader => new OrganisationImporter(store).ImportPartners(reader, "partners.csv")));
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, string file, Func<TextReader, ImportResult> import)
    {
        if (request.ContentType is { } type && !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"send the file as text/csv, not {type}", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // Buffer first: the import is synchronous (one database transaction) and must not block on the socket.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, detectEncodingFromByteOrderMarks: true);
        var result = import(reader);
        return result.Succeeded
            ? TypedResults.Ok(new { file, added = result.Counts!.Inserted, updated = result.Counts.Updated, unchanged = result.Counts.Unchanged })
            : TypedResults.Problem(
                title: $"{result.Problems.Count} problem(s) in the file; nothing was imported",
                detail: string.Join("\n", result.Problems),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems.Select(p => p.ToString()).ToArray() });
    }
}
