using TrainingLrs.Configuration;
using TrainingLrs.Hosting;

namespace TrainingLrs.Cli;

/// <summary>What <c>serve</c> prints once listening: where everything is, and the first admin key.</summary>
internal static class ServerBanner
{
    public static async Task WriteAsync(TextWriter output, TrainingLrsServer server, TrainingLrsSettings settings)
    {
        var baseUrl = server.Addresses.FirstOrDefault()?.ToString().TrimEnd('/') ?? settings.Server.Urls;
        await output.WriteLineAsync($"TrainingLrs is listening on {string.Join(", ", server.Addresses.Select(a => a.ToString().TrimEnd('/')))}");
        await output.WriteLineAsync($"  Lessons:    {baseUrl}/lessons/");
        await output.WriteLineAsync($"  Dashboard:  {baseUrl}/dashboard");
        await output.WriteLineAsync($"  OData:      {baseUrl}/odata  (Excel / Power BI: OData feed, Basic auth or ?key=…&secret=…)");
        await output.WriteLineAsync($"  Health:     {baseUrl}/health");
        await output.WriteLineAsync($"  Admin keys: {baseUrl}/admin/keys");
        await output.WriteLineAsync($"  Database:   {Path.GetFullPath(Path.Combine(settings.Server.DataDirectory, Lrs.Storage.LrsDatabase.FileName))}");
        if (server.FirstAdmin is { } admin)
        {
            await output.WriteLineAsync("An admin credential was created because the database had none. It is shown only this once:");
            await output.WriteLineAsync($"  key:    {admin.Credential.Key}");
            await output.WriteLineAsync($"  secret: {admin.Secret}");
        }
        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await output.FlushAsync();
    }
}
