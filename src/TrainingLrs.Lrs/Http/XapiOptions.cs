namespace TrainingLrs.Lrs.Http;

/// <summary>Settings of the xAPI endpoints; vary the defaults with <c>with</c>.</summary>
public sealed record XapiOptions
{
    /// <summary>Largest request body accepted; larger ones get 413. Default 10 MB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Origins allowed to call the LRS from a browser; <c>"*"</c> allows any. Default any.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = ["*"];

    /// <summary>Requests a credential may make per minute before getting 429; 0 turns the limit off.</summary>
    public int RequestsPerMinutePerCredential { get; init; }

    /// <summary>
    /// Fsync LiteDB's log before answering a write, so that a 2xx also survives an OS crash or power
    /// loss (not only a killed process). Costs a disk flush per write batch. Default off.
    /// </summary>
    public bool FlushToDiskBeforeAcknowledging { get; init; }

    /// <summary>Most statements returned by one GET (also what <c>limit=0</c> means). Default 100.</summary>
    public int MaxStatementsPerPage { get; init; } = 100;

    /// <summary>The <c>account.homePage</c> of the authority the LRS sets on statements (the account name is the credential key).</summary>
    public string AuthorityHomePage { get; init; } = "https://traininglrs.local/credentials";
}
