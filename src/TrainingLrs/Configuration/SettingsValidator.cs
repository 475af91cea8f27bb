namespace TrainingLrs.Configuration;

/// <summary>Checks settings at start-up so a bad value stops the server with its name, not later with a stack trace.</summary>
public static class SettingsValidator
{
    /// <summary>Returns one message per invalid setting, empty when all are valid.</summary>
    public static IReadOnlyList<string> Validate(TrainingLrsSettings settings)
    {
        var problems = new List<string>();

        foreach (var url in SplitUrls(settings.Server.Urls))
        {
            if (!IsListenUrl(url))
            {
                problems.Add($"Server:Urls: '{url}' is not an absolute http:// or https:// URL with a host (e.g. http://127.0.0.1:5000)");
            }
        }
        if (SplitUrls(settings.Server.Urls).Count == 0)
        {
            problems.Add("Server:Urls: at least one URL is required");
        }
        if (settings.Server.PublicUrl is { Length: > 0 } publicUrl && !IsListenUrl(publicUrl))
        {
            problems.Add($"Server:PublicUrl: '{publicUrl}' is not an absolute http:// or https:// URL");
        }

        RequirePath(problems, "Server:DataDirectory", settings.Server.DataDirectory);
        RequirePath(problems, "Server:ContentDirectory", settings.Server.ContentDirectory);
        RequirePath(problems, "Server:OutputDirectory", settings.Server.OutputDirectory);
        RequirePath(problems, "Server:ThemesDirectory", settings.Server.ThemesDirectory);

        if (settings.Lrs.MaxRequestBodyBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            problems.Add($"Lrs:MaxRequestBodyBytes: {settings.Lrs.MaxRequestBodyBytes} is outside 1024..1073741824");
        }
        if (settings.Lrs.RequestsPerMinutePerCredential < 0)
        {
            problems.Add($"Lrs:RequestsPerMinutePerCredential: {settings.Lrs.RequestsPerMinutePerCredential} must be 0 (off) or more");
        }
        if (settings.Reports.SnapshotSeconds is < 0 or > 3600)
        {
            problems.Add($"Reports:SnapshotSeconds: {settings.Reports.SnapshotSeconds} is outside 0..3600");
        }
        foreach (var origin in SplitUrls(settings.Lrs.AllowedOrigins))
        {
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"))
            {
                problems.Add($"Lrs:AllowedOrigins: '{origin}' is not '*' or an origin such as https://lms.example.com");
            }
        }

        return problems;
    }

    /// <summary>Splits the <c>Urls</c> setting the way Kestrel does (semicolons).</summary>
    public static IReadOnlyList<string> SplitUrls(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsListenUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !string.IsNullOrEmpty(uri.Host)
        && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.Query);

    private static void RequirePath(List<string> problems, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name}: a folder path is required");
        }
        else if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            problems.Add($"{name}: '{value}' contains characters not allowed in a path");
        }
    }
}
