using System.CommandLine;
using System.Diagnostics;
using TrainingLrs.Authoring.Compilation;
using TrainingLrs.Authoring.Packaging;
using TrainingLrs.Configuration;
using TrainingLrs.Courses;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Cli;

/// <summary>
/// <c>package --partner ID</c>: SCORM 1.2, SCORM 2004 and cmi5 packages for one partner's LMS, with our
/// LRS endpoint and a fresh write-only lesson key bound to that partner baked in, so its learners are
/// attributed to it without trusting anything the learner's browser says.
/// </summary>
internal static class PackageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var partners = new Option<string[]>("--partner") { Description = "Partner id (repeatable)", HelpName = "ID", AllowMultipleArgumentsPerToken = true };
        var allPartners = new Option<bool>("--all-partners") { Description = "Package for every imported partner" };
        var endpoint = new Option<string?>("--endpoint") { Description = "The LRS endpoint lessons send xAPI to (default: Server:PublicUrl or the first listen URL, plus /xapi/)", HelpName = "URL" };
        var content = CommonOptions.Content();
        var outDir = CommonOptions.Out();
        var themes = CommonOptions.Themes();
        var data = CommonOptions.Data();
        var command = new Command("package", "Build a partner's SCORM and cmi5 packages with the LRS endpoint and a partner-bound lesson key baked in.")
        {
            partners, allPartners, endpoint, content, outDir, themes, data,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var settings = CommonOptions.LoadSettings(
                ("Server:ContentDirectory", parse.GetValue(content)),
                ("Server:OutputDirectory", parse.GetValue(outDir)),
                ("Server:ThemesDirectory", parse.GetValue(themes)),
                ("Server:DataDirectory", parse.GetValue(data)));
            var lrs = LrsEndpoint(parse.GetValue(endpoint), settings);

            using var database = LrsDatabase.Open(settings.Server.DataDirectory);
            var organisations = new LiteDbOrganisationStore(database);
            var ids = parse.GetValue(allPartners) ? organisations.Partners().Select(p => p.Id).ToArray() : parse.GetValue(partners) ?? [];
            if (ids.Length == 0)
            {
                throw new CliFailure("name at least one --partner ID, or --all-partners", ExitCodes.InvalidInput);
            }
            var unknown = ids.Where(id => organisations.FindPartner(id) is null).ToArray();
            if (unknown.Length > 0)
            {
                throw new CliFailure($"unknown partner(s): {string.Join(", ", unknown)} (import partners first)", ExitCodes.InvalidInput);
            }

            var credentials = new LiteDbCredentialStore(database);
            var options = new CompileOptions
            {
                ContentDirectory = settings.Server.ContentDirectory,
                OutputDirectory = settings.Server.OutputDirectory,
                ThemesDirectory = settings.Server.ThemesDirectory,
            };
            var clock = Stopwatch.StartNew();
            var packages = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                var key = credentials.Create(new CredentialRequest($"lesson key for {ids[i]} (packages of {DateTime.UtcNow:yyyy-MM-dd})", [Scopes.StatementsWrite, Scopes.State], PartnerId: ids[i]));
                var homePage = organisations.FindPartner(ids[i])!.LmsHomePage is { } page ? new Uri(page) : null;
                var connection = new LrsConnection(lrs, key.Credential.Key, key.Secret) { LmsHomePage = homePage };
                var result = CoursePackager.PackageForPartner(options, ids[i], connection, cancellationToken: cancellationToken);
                if (!result.Succeeded)
                {
                    credentials.Revoke(key.Credential.Key);
                    CompileReporter.Write(result, output, error);
                    throw new CliFailure($"packaging for {ids[i]} failed; its new key was revoked");
                }
                packages += result.Packages.Count;
                output.WriteLine($"[{i + 1}/{ids.Length}] {ids[i]}: {result.Packages.Count} packages in {Path.GetDirectoryName(result.Packages.FirstOrDefault()?.Path) ?? result.OutputDirectory} (key {key.Credential.Key})");
            }
            output.WriteLine($"{ids.Length} partner(s), {packages} packages in {clock.Elapsed.TotalSeconds:0.0} s.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Uri LrsEndpoint(string? given, TrainingLrsSettings settings)
    {
        var text = given ?? settings.Server.PublicUrl ?? SettingsValidator.SplitUrls(settings.Server.Urls).FirstOrDefault() ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliFailure($"--endpoint: '{text}' is not an absolute http(s) URL", ExitCodes.InvalidInput);
        }
        return given is null ? new Uri(uri, "/xapi/") : uri;
    }
}
