using TrainingLrs.Configuration;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Http;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Hosting;

/// <summary>
/// The stores over the one database, wired the same way for the server and for the verbs that work on
/// the file directly (imports, demo data, rebuilds), so a statement written by either updates the
/// completion rows in the same transaction.
/// </summary>
public static class StoreRegistration
{
    /// <summary>Registers settings, database, credentials, organisations, completion and the LRS.</summary>
    public static IServiceCollection AddTrainingLrsStores(this IServiceCollection services, TrainingLrsSettings settings, LrsDatabase database, ModuleCatalog catalog)
    {
        services.AddSingleton(settings);
        services.AddSingleton(database);
        services.AddSingleton<ICredentialStore, LiteDbCredentialStore>();
        services.AddSingleton<IOrganisationStore, LiteDbOrganisationStore>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(catalog);
        services.AddSingleton<LiteDbCompletionStore>();
        services.AddSingleton<ICompletionStore>(sp => sp.GetRequiredService<LiteDbCompletionStore>());
        // Registered before AddXapi: the statement store collects its observers when it is created.
        services.AddSingleton<IStatementWriteObserver>(sp => new CompletionObserver(sp.GetRequiredService<LiteDbCompletionStore>(), sp));
        services.AddXapi(new XapiOptions
        {
            MaxRequestBodyBytes = settings.Lrs.MaxRequestBodyBytes,
            AllowedOrigins = SettingsValidator.SplitUrls(settings.Lrs.AllowedOrigins),
            RequestsPerMinutePerCredential = settings.Lrs.RequestsPerMinutePerCredential,
            FlushToDiskBeforeAcknowledging = settings.Lrs.FlushToDiskBeforeAcknowledging,
        });
        services.AddSingleton(StatementIngest.From);
        return services;
    }

    /// <summary>
    /// The stores of a database file for a verb that runs without the HTTP server. Dispose the provider
    /// before the database: it flushes the writer.
    /// </summary>
    public static ServiceProvider ForVerb(TrainingLrsSettings settings, LrsDatabase database, ModuleCatalog catalog)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddTrainingLrsStores(settings, database, catalog);
        return services.BuildServiceProvider();
    }
}
