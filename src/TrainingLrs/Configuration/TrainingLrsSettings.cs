namespace TrainingLrs.Configuration;

/// <summary>
/// Every setting of the server, bound from appsettings.json, then <c>TRAININGLRS_</c> environment
/// variables (<c>TRAININGLRS_Server__Urls</c>), then command-line options, later ones winning.
/// </summary>
public sealed record TrainingLrsSettings
{
    /// <summary>Where the server listens and what it serves.</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary>Limits and behaviour of the xAPI endpoints.</summary>
    public LrsSettings Lrs { get; init; } = new();

    /// <summary>What reports show.</summary>
    public ReportsSettings Reports { get; init; } = new();
}

/// <summary>The <c>Reports</c> section.</summary>
public sealed record ReportsSettings
{
    /// <summary>
    /// Whether OData, CSV and the dashboard show learners' names; otherwise only an opaque learner id
    /// (the programme's default: members see completion, not who the workers are).
    /// </summary>
    public bool ShowLearnerNames { get; init; }

    /// <summary>
    /// How long reports may lag behind incoming statements (seconds). A report snapshot in use is rebuilt
    /// in the background once it is half this old and statements arrived, and requests keep the old one
    /// until then, so the lag is at most half this plus one rebuild. 0 always reads the latest (the
    /// request rebuilds).
    /// </summary>
    public int SnapshotSeconds { get; init; } = 30;
}

/// <summary>The <c>Server</c> section.</summary>
public sealed record ServerSettings
{
    /// <summary>Semicolon-separated http(s) URLs to listen on; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>Folder of the embedded LiteDB database file.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Folder of the course content (course.yml and modules).</summary>
    public string ContentDirectory { get; init; } = "content";

    /// <summary>Folder of the Scriban themes.</summary>
    public string ThemesDirectory { get; init; } = "themes";

    /// <summary>Folder the compiler writes lessons and packages to.</summary>
    public string OutputDirectory { get; init; } = "dist";

    /// <summary>Public base URL the lessons use to reach /xapi, when it differs from the first listen URL (behind a proxy).</summary>
    public string? PublicUrl { get; init; }
}

/// <summary>The <c>Lrs</c> section.</summary>
public sealed record LrsSettings
{
    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// Semicolon-separated origins allowed by CORS (lessons run inside LMSs on other domains);
    /// <c>*</c> allows any. A string, not a list, so one environment variable can set it.
    /// </summary>
    public string AllowedOrigins { get; init; } = "*";

    /// <summary>Requests allowed per credential per minute before 429; 0 turns the limit off.</summary>
    public int RequestsPerMinutePerCredential { get; init; } = 12_000;

    /// <summary>
    /// When true, every acknowledged write is flushed to the disk (fsync) before the response, so it
    /// survives an OS crash or power cut, not only a killed process.
    /// </summary>
    public bool FlushToDiskBeforeAcknowledging { get; init; }
}
