using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Reports;

namespace TrainingLrs.Dashboard;

/// <summary>
/// <c>/dashboard</c>: a server-rendered page for members (and admins), signed in with a reporting key
/// through a form; a cookie then carries the key, re-checked on every request so revocation is immediate.
/// </summary>
public static class DashboardApi
{
    /// <summary>The cookie scheme of the dashboard.</summary>
    public const string Scheme = "Dashboard";

    /// <summary>Registers the cookie scheme and the page builder.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardBuilder>();
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "TrainingLrs.Dashboard";
            options.Cookie.HttpOnly = true;
            // Strict: the dashboard's forms are never posted from another site.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/dashboard/login";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        return services;
    }

    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", GetDashboard);
        app.MapGet("/dashboard/login", () => Html(DashboardPage.RenderLogin(null, null)));
        app.MapPost("/dashboard/login", PostLogin).DisableAntiforgery();
        app.MapPost("/dashboard/logout", (Delegate)PostLogout).DisableAntiforgery();
        return app;
    }

    internal static async Task<IResult> GetDashboard(HttpContext context, ICredentialStore credentials, IOrganisationStore organisations, DashboardBuilder builder)
    {
        var signedIn = await context.AuthenticateAsync(Scheme);
        var key = signedIn.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (key is null || credentials.Find(key) is not { IsActive: true } credential || !MayReport(credential))
        {
            return Results.Redirect("/dashboard/login");
        }

        var query = context.Request.Query;
        PartnerType? type = PartnerTypes.TryParse(query["type"], out var parsedType) ? parsedType : null;
        var state = query["state"].ToString().ToUpperInvariant();
        var member = query["member"].ToString();
        var filter = new DashboardFilter(member.Length > 0 ? member : null, type, UsStates.IsValid(state) ? state : null);

        var scope = ReportScope.For(credential);
        var model = builder.Build(scope, filter);
        var scopeName = scope.MemberId is { } memberId ? organisations.Members().FirstOrDefault(m => m.Id == memberId)?.Name ?? memberId : null;
        return Html(DashboardPage.Render(model, scopeName));
    }

    internal static async Task<IResult> PostLogin(HttpContext context, ICredentialStore credentials)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem("send the sign-in form as application/x-www-form-urlencoded", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["key"].ToString().Trim();
        var credential = credentials.Authenticate(key, form["secret"].ToString());
        if (credential is null || !MayReport(credential))
        {
            return Html(DashboardPage.RenderLogin(credential is null ? "Unknown key or wrong secret." : "This key cannot read reports.", key), StatusCodes.Status401Unauthorized);
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, credential.Key)], Scheme));
        await context.SignInAsync(Scheme, principal);
        return Results.Redirect("/dashboard");
    }

    internal static async Task<IResult> PostLogout(HttpContext context)
    {
        await context.SignOutAsync(Scheme);
        return Results.Redirect("/dashboard/login");
    }

    private static bool MayReport(Credential credential) =>
        credential.HasScope(Scopes.Admin) || (credential.HasScope(Scopes.Reports) && credential.PartnerId is null);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
