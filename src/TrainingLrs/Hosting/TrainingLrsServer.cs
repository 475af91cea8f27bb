using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrainingLrs.Admin;
using TrainingLrs.Configuration;
using TrainingLrs.Certificates;
using TrainingLrs.Dashboard;
using TrainingLrs.Lessons;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;
using TrainingLrs.Reports;
using TrainingLrs.Lrs.Security;

namespace TrainingLrs.Hosting;

/// <summary>
/// The HTTP host: Kestrel serving lessons, <c>/xapi</c>, <c>/odata</c>, the dashboard and
/// <c>/health</c> over one embedded database. <c>serve</c> runs it; tests start it in-process on port 0.
/// </summary>
public sealed class TrainingLrsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LrsDatabase _database;

    private TrainingLrsServer(WebApplication app, LrsDatabase database, IReadOnlyList<Uri> addresses, IssuedCredential? firstAdmin)
    {
        _app = app;
        _database = database;
        Addresses = addresses;
        FirstAdmin = firstAdmin;
    }

    /// <summary>The addresses Kestrel actually listens on (port 0 resolved).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The admin credential created on this start because the database had none; otherwise null.</summary>
    public IssuedCredential? FirstAdmin { get; }

    /// <summary>The application's services (for tests and verbs that share the process).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Opens the database, builds the app and starts listening.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The data folder cannot be used.</exception>
    /// <exception cref="ServerStartException">Kestrel cannot listen (address in use, bad address).</exception>
    public static async Task<TrainingLrsServer> StartAsync(
        TrainingLrsSettings settings, CancellationToken cancellationToken = default, ModuleCatalog? catalog = null, LessonSite? lessons = null)
    {
        var database = LrsDatabase.Open(settings.Server.DataDirectory);
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = [],
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.WebHost.UseUrls(SettingsValidator.SplitUrls(settings.Server.Urls).ToArray());
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = settings.Lrs.MaxRequestBodyBytes;
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // Authentication pulls in data protection, which warns about unencrypted keys we never use.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            // A failed start is reported by the caller in one line; the host's stack trace adds nothing.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

            builder.Services.AddTrainingLrsStores(settings, database, catalog ?? ModuleCatalog.Empty);
            builder.Services.AddProblemDetails();
            builder.Services.AddCredentialAuthentication();
            builder.Services.AddReports();
            builder.Services.AddDashboard();

            app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapHome();
            app.MapXapi();
            app.MapHealth();
            app.MapAdminKeys();
            app.MapAdminImports();
            app.MapReports();
            app.MapDashboard();
            app.MapCertificates();
            if (lessons is not null)
            {
                app.MapLessons(lessons);
            }

            var credentials = app.Services.GetRequiredService<ICredentialStore>();
            if (lessons is not null)
            {
                lessons.WebLessonKey = IssueWebLessonKey(credentials);
            }
            // A database without an active admin key (new, or only lesson keys made with `keys create`)
            // would leave nobody able to administer the running server.
            var firstAdmin = credentials.List().Any(c => c.IsActive && c.HasScope(Scopes.Admin))
                ? null
                : credentials.Create(new CredentialRequest("admin (created on first start)", [Scopes.All, Scopes.Admin]));

            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw new ServerStartException($"cannot listen on {settings.Server.Urls}: {e.Message}");
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal)))
                .ToArray() ?? [];
            return new TrainingLrsServer(app, database, addresses, firstAdmin);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            database.Dispose();
            throw;
        }
    }

    // The key is public (it is in every web lesson), so it can only write statements and state, and it
    // lives as long as this process: the previous start's key is revoked.
    private static (string, string) IssueWebLessonKey(ICredentialStore credentials)
    {
        const string name = "web lessons (issued by serve)";
        foreach (var old in credentials.List().Where(c => c.IsActive && c.Name == name))
        {
            credentials.Revoke(old.Key);
        }
        var issued = credentials.Create(new CredentialRequest(name, [Scopes.StatementsWrite, Scopes.State]));
        return (issued.Credential.Key, issued.Secret);
    }

    /// <summary>Waits until the token is cancelled (Ctrl+C, SIGTERM) or the host stops.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        // The container disposes singletons it created, not instances handed to it.
        _database.Dispose();
    }
}
