using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;

namespace TrainingLrs.Lrs.Security;

/// <summary>
/// Authorization by credential scope: <c>RequireAuthorization(ScopeAuthorization.Policy(Scopes.Admin))</c>.
/// An unauthenticated request gets 401, an authenticated one without the scope 403.
/// </summary>
public static class ScopeAuthorization
{
    private const string Prefix = "scope:";

    /// <summary>The policy name requiring any one of <paramref name="scopes"/>.</summary>
    public static string Policy(params string[] scopes) => Prefix + string.Join('|', scopes);

    /// <summary>Registers the authentication scheme and a policy provider that understands scope policies (once, however often called).</summary>
    public static IServiceCollection AddCredentialAuthentication(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ScopePolicyProvider)))
        {
            return services;
        }
        services.AddSingleton<ScopePolicyProvider>();
        services.AddAuthentication(CredentialAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CredentialAuthenticationHandler>(
                CredentialAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider>(sp => sp.GetRequiredService<ScopePolicyProvider>());
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        return services;
    }

    private sealed class ScopePolicyProvider(Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options)
        : DefaultAuthorizationPolicyProvider(options)
    {
        public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
        {
            if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return await base.GetPolicyAsync(policyName);
            }

            var scopes = policyName[Prefix.Length..].Split('|', StringSplitOptions.RemoveEmptyEntries);
            return new AuthorizationPolicyBuilder(CredentialAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(scopes))
                .Build();
        }
    }

    private sealed record ScopeRequirement(IReadOnlyList<string> Scopes) : IAuthorizationRequirement;

    private sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
        {
            // With endpoint routing the resource is the request's HttpContext.
            var credential = (context.Resource as HttpContext)?.GetCredential();
            if (credential is not null && requirement.Scopes.Any(credential.HasScope))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }
}
