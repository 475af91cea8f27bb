using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TrainingLrs.Lrs.About;
using TrainingLrs.Lrs.Activities;
using TrainingLrs.Lrs.Agents;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Documents;
using TrainingLrs.Lrs.Privacy;
using TrainingLrs.Lrs.Security;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Lrs.Http;

/// <summary>The two calls a host makes to serve the LRS: <c>AddXapi</c> and <c>MapXapi</c>.</summary>
public static class XapiExtensions
{
    /// <summary>
    /// Registers the xAPI stores, the single writer, credential authentication (once) and the
    /// <c>/xapi</c> middleware (CORS, versions, body cap, error mapping), which runs ahead of the
    /// host's own middleware. Needs an <see cref="LrsDatabase"/> singleton in the container.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public static IServiceCollection AddXapi(this IServiceCollection services, XapiOptions? options = null)
    {
        options ??= new XapiOptions();
        Validate(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICredentialStore>(sp => new LiteDbCredentialStore(sp.GetRequiredService<LrsDatabase>()));
        services.AddCredentialAuthentication();
        services.TryAddSingleton(sp => new LiteDbWriter(
            sp.GetRequiredService<LrsDatabase>(),
            sp.GetRequiredService<XapiOptions>().FlushToDiskBeforeAcknowledging,
            sp.GetRequiredService<ILogger<LiteDbWriter>>()));
        services.TryAddSingleton(sp => new LiteDbStatementStore(
            sp.GetRequiredService<LrsDatabase>(),
            sp.GetRequiredService<LiteDbWriter>(),
            sp.GetServices<IStatementWriteObserver>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new LiteDbDocumentStore(
            sp.GetRequiredService<LrsDatabase>(), sp.GetRequiredService<LiteDbWriter>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IStatementStore>(sp => sp.GetRequiredService<LiteDbStatementStore>());
        services.TryAddSingleton<IDocumentStore>(sp => sp.GetRequiredService<LiteDbDocumentStore>());
        services.TryAddSingleton<IPrivacyStore>(sp => new LiteDbPrivacyStore(
            sp.GetRequiredService<LiteDbStatementStore>(), sp.GetRequiredService<LiteDbDocumentStore>()));
        services.TryAddSingleton<RateLimit>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, XapiStartupFilter>());
        return services;
    }

    /// <summary>
    /// Maps the xAPI resources under <c>/xapi</c> and the privacy endpoints under <c>/admin/privacy</c>
    /// (admin scope). Call after <c>UseAuthentication</c> and <c>UseAuthorization</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapXapi(this IEndpointRouteBuilder app)
    {
        // Creating the stores now ensures the indexes at start-up rather than on the first request.
        _ = app.ServiceProvider.GetRequiredService<IStatementStore>();
        _ = app.ServiceProvider.GetRequiredService<IDocumentStore>();

        var xapi = app.MapGroup(XapiMiddleware.BasePath);
        xapi.AddEndpointFilter(app.ServiceProvider.GetRequiredService<RateLimit>());
        xapi.MapStatements();
        xapi.MapDocuments();
        xapi.MapActivities();
        xapi.MapAgents();
        xapi.MapAbout();
        app.MapPrivacy();
        return app;
    }

    private static void Validate(XapiOptions options)
    {
        if (options.MaxRequestBodyBytes <= 0)
        {
            throw new ArgumentException($"{nameof(XapiOptions.MaxRequestBodyBytes)} must be positive", nameof(options));
        }
        if (options.MaxStatementsPerPage <= 0)
        {
            throw new ArgumentException($"{nameof(XapiOptions.MaxStatementsPerPage)} must be positive", nameof(options));
        }
        if (options.RequestsPerMinutePerCredential < 0)
        {
            throw new ArgumentException($"{nameof(XapiOptions.RequestsPerMinutePerCredential)} must be 0 (off) or positive", nameof(options));
        }
        if (!Validation.Rules.IsIri(options.AuthorityHomePage))
        {
            throw new ArgumentException($"{nameof(XapiOptions.AuthorityHomePage)} must be an absolute IRL", nameof(options));
        }
        if (options.AllowedOrigins.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{nameof(XapiOptions.AllowedOrigins)} must not contain blank entries", nameof(options));
        }
    }

    private sealed class XapiStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<XapiMiddleware>();
            next(app);
        };
    }
}
