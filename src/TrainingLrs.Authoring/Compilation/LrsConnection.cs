namespace TrainingLrs.Authoring.Compilation;

/// <summary>
/// What a package needs to send xAPI statements to our LRS: the endpoint and a partner's write-only
/// lesson key. It is baked into <c>assets/lrs-config.js</c> of every package, so it must never be a
/// key that can read statements.
/// </summary>
/// <param name="Endpoint">xAPI endpoint, e.g. <c>https://lrs.traininglrs.org/xapi/</c>.</param>
/// <param name="Key">Lesson key id (Basic auth user name).</param>
/// <param name="Secret">Lesson key secret (Basic auth password).</param>
public sealed record LrsConnection(Uri Endpoint, string Key, string Secret)
{
    /// <summary>
    /// The partner LMS's home page, used as <c>account.homePage</c> of learners identified by their LMS
    /// id. Null when unknown: the lesson then uses its own origin.
    /// </summary>
    public Uri? LmsHomePage { get; init; }

    /// <summary>Hides the secret so the record can be logged.</summary>
    public override string ToString() => $"LrsConnection {{ Endpoint = {Endpoint}, Key = {Key}, Secret = ***, LmsHomePage = {LmsHomePage} }}";
}
