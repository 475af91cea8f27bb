using TrainingLrs.Authoring.Compilation;

namespace TrainingLrs.Authoring.Packaging;

/// <summary>
/// Builds the packages a partner uploads to its own LMS. Each package carries that partner's LRS
/// endpoint and write-only lesson key in <c>assets/lrs-config.js</c>, so statements from its learners
/// reach our LRS tagged with the partner's credential.
/// </summary>
public static class CoursePackager
{
    /// <summary>The folder under the output folder that holds one folder per partner.</summary>
    public const string PartnersFolder = "partners";

    /// <summary>
    /// Compiles the course into <c>&lt;OutputDirectory&gt;/partners/&lt;partnerId&gt;/packages/…</c>
    /// (no web lessons), with the LRS connection baked into every package. Other partners' folders
    /// are not touched; this partner's folder is replaced only if the compile succeeds.
    /// </summary>
    /// <param name="options">The usual compile options; <see cref="CompileOptions.OutputDirectory"/> is the root output folder.</param>
    /// <param name="partnerId">Partner id: letters, digits, dashes and underscores only (it becomes a folder name).</param>
    /// <param name="endpoint">The xAPI endpoint learners' browsers post to.</param>
    /// <param name="key">The partner's lesson key id.</param>
    /// <param name="secret">The partner's lesson key secret.</param>
    /// <param name="progress">Optional progress.</param>
    /// <param name="cancellationToken">Cancels the compile.</param>
    public static CompileResult PackageForPartner(
        CompileOptions options,
        string partnerId,
        Uri endpoint,
        string key,
        string secret,
        IProgress<CompileProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerId);
        if (!partnerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Partner id '{partnerId}' may only hold letters, digits, '-' and '_'.", nameof(partnerId));
        }

        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"LRS endpoint '{endpoint}' must be an absolute http(s) URL.", nameof(endpoint));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return PackageForPartner(options, partnerId, new LrsConnection(endpoint, key, secret), progress, cancellationToken);
    }

    /// <summary>
    /// As the other overload, with the whole connection: also the partner's LMS home page, which the
    /// runtime uses as the <c>homePage</c> of its learners' xAPI accounts.
    /// </summary>
    /// <param name="options">The usual compile options; <see cref="CompileOptions.OutputDirectory"/> is the root output folder.</param>
    /// <param name="partnerId">Partner id: letters, digits, dashes and underscores only (it becomes a folder name).</param>
    /// <param name="lrs">Endpoint, the partner's lesson key and its LMS home page.</param>
    /// <param name="progress">Optional progress.</param>
    /// <param name="cancellationToken">Cancels the compile.</param>
    public static CompileResult PackageForPartner(
        CompileOptions options,
        string partnerId,
        LrsConnection lrs,
        IProgress<CompileProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerId);
        if (!partnerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Partner id '{partnerId}' may only hold letters, digits, '-' and '_'.", nameof(partnerId));
        }

        var partnerOptions = options with
        {
            OutputDirectory = Path.Combine(options.OutputDirectory, PartnersFolder, partnerId),
            Formats = options.Formats & PackageFormats.AllPackages,
            Lrs = lrs,
        };
        return CourseCompiler.Compile(partnerOptions, progress, cancellationToken);
    }
}
