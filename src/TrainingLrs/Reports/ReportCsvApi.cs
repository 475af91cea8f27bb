using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using CsvHelper;

namespace TrainingLrs.Reports;

/// <summary><c>GET /reports/{Set}.csv</c>: the same rows as OData, in the same tenant scope, for people without Power BI.</summary>
public static class ReportCsvApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapReportCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{file}", GetCsv).RequireAuthorization(ReportAuthorization.PolicyName);
        return app;
    }

    internal static IResult GetCsv(string file, HttpContext context, ReportSource source)
    {
        var name = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
        var set = ReportSource.SetNames.FirstOrDefault(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
        var rows = set is null ? null : source.Set(set, ReportScope.For(Lrs.Security.CredentialClaims.GetCredential(context)!));
        if (rows is null)
        {
            return TypedResults.Problem($"no report named '{name}' (known: {string.Join(", ", ReportSource.SetNames.Select(s => s + ".csv"))})", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Stream(
            async stream =>
            {
                // Excel opens UTF-8 CSV correctly only with a byte order mark.
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
                var properties = rows.ElementType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
                foreach (var property in properties)
                {
                    csv.WriteField(property.Name);
                }
                await csv.NextRecordAsync();
                // Compiled once per export: an admin export reads millions of fields, and
                // PropertyInfo.GetValue on each one is slow.
                var getters = properties.Select(Getter).ToArray();
                foreach (var row in rows)
                {
                    foreach (var get in getters)
                    {
                        csv.WriteField(get(row));
                    }
                    await csv.NextRecordAsync();
                }
            },
            "text/csv; charset=utf-8",
            fileDownloadName: set + ".csv");
    }

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var value = Expression.Property(Expression.Convert(row, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
    }
}
