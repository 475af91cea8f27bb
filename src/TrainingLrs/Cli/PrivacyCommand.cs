using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Privacy;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Cli;

/// <summary>
/// <c>privacy erase|purge</c>: the command-line twin of <c>POST /admin/privacy/erase|purge</c>, on the
/// database file directly (the server must be stopped).
/// </summary>
internal static class PrivacyCommand
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("privacy", "Erase everything about one learner, or purge statements stored before a date (the server must be stopped; use /admin/privacy while it runs).");
        command.Subcommands.Add(EraseVerb(output, error));
        command.Subcommands.Add(PurgeVerb(output, error));
        return command;
    }

    private static Command EraseVerb(TextWriter output, TextWriter error)
    {
        var agent = new Option<string>("--agent") { Description = "The xAPI Agent as JSON, e.g. {\"mbox\":\"mailto:ana@example.com\"} or {\"account\":{\"homePage\":\"…\",\"name\":\"…\"}}", Required = true, HelpName = "JSON" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be erased" };
        var (data, content, themes) = (CommonOptions.Data(), CommonOptions.Content(), CommonOptions.Themes());
        var erase = new Command("erase", "Erase every statement that mentions the agent, its state and profile documents, its completion rows and learner record; print the counts as JSON.")
        {
            agent, dryRun, data, content, themes,
        };
        erase.SetAction(async (parse, cancellationToken) =>
        {
            var agentObject = ParseAgent(parse.GetValue(agent)!);
            return await WithPersonalData(parse, data, content, themes, error, async personalData =>
            {
                try
                {
                    var counts = await personalData.EraseAsync(agentObject, parse.GetValue(dryRun));
                    output.WriteLine(JsonSerializer.Serialize(counts, _json));
                }
                catch (ArgumentException e)
                {
                    throw new CliFailure("--agent: " + e.Message, ExitCodes.InvalidInput);
                }
            });
        });
        return erase;
    }

    private static Command PurgeVerb(TextWriter output, TextWriter error)
    {
        var before = new Option<string>("--before") { Description = "Delete statements stored before this instant (ISO 8601; UTC when no offset is given)", Required = true, HelpName = "TIMESTAMP" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be deleted" };
        var (data, content, themes) = (CommonOptions.Data(), CommonOptions.Content(), CommonOptions.Themes());
        var purge = new Command("purge", "Delete the statements stored before a date, and attachment content no remaining statement carries; print the counts as JSON. Completion rows already derived are kept.")
        {
            before, dryRun, data, content, themes,
        };
        purge.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(before)!;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                throw new CliFailure($"--before: '{text}' is not an ISO 8601 timestamp (e.g. 2026-01-01 or 2026-01-01T00:00:00Z)", ExitCodes.InvalidInput);
            }
            return await WithPersonalData(parse, data, content, themes, error, async personalData =>
            {
                var counts = await personalData.PurgeAsync(instant, parse.GetValue(dryRun), cancellationToken);
                output.WriteLine(JsonSerializer.Serialize(counts, _json));
                if (!counts.DryRun && counts.Statements > 0)
                {
                    error.WriteLine("Completion rows derived from the purged statements are kept; `completions rebuild` would now drop them.");
                }
            });
        });
        return purge;
    }

    private static JsonObject ParseAgent(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new CliFailure("--agent: must be a JSON object", ExitCodes.InvalidInput);
        }
        catch (JsonException e)
        {
            throw new CliFailure($"--agent: not valid JSON ({e.Message})", ExitCodes.InvalidInput);
        }
    }

    // Erasure must reach the completion projection too, so the verb runs the same stores and observers as the server.
    private static async Task<int> WithPersonalData(
        ParseResult parse, Option<string?> data, Option<string?> content, Option<string?> themes, TextWriter error, Func<PersonalData, Task> work)
    {
        var (settings, catalog) = CommonOptions.LoadCourse(parse, data, content, themes, error);
        using var database = LrsDatabase.Open(settings.Server.DataDirectory);
        await using var services = StoreRegistration.ForVerb(settings, database, catalog);
        await work(PersonalData.From(services));
        return ExitCodes.Success;
    }
}
