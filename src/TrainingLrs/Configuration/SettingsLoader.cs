using Microsoft.Extensions.Configuration;

namespace TrainingLrs.Configuration;

/// <summary>Builds the configuration every verb reads, and binds and validates it.</summary>
public static class SettingsLoader
{
    /// <summary>The prefix of environment variables that configure the server.</summary>
    public const string EnvironmentPrefix = "TRAININGLRS_";

    /// <summary>
    /// appsettings.json beside the executable, then <c>TRAININGLRS_*</c> environment variables, then
    /// <paramref name="overrides"/> (the command-line options actually given).
    /// </summary>
    public static IConfigurationRoot BuildConfiguration(IReadOnlyDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides)
            .Build();

    /// <summary>Binds and validates; throws <see cref="InvalidSettingsException"/> naming each bad setting.</summary>
    public static TrainingLrsSettings Load(IConfiguration configuration)
    {
        TrainingLrsSettings settings;
        try
        {
            settings = new TrainingLrsSettings
            {
                Server = configuration.GetSection("Server").Get<ServerSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new(),
                Lrs = configuration.GetSection("Lrs").Get<LrsSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new(),
                Reports = configuration.GetSection("Reports").Get<ReportsSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new(),
            };
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key ("Failed to convert configuration value at 'Lrs:MaxRequestBodyBytes'
            // to type 'System.Int64'"), which is what the user needs.
            throw new InvalidSettingsException([e.Message]);
        }

        var problems = SettingsValidator.Validate(settings);
        return problems.Count == 0 ? settings : throw new InvalidSettingsException(problems);
    }
}
