using System.CommandLine;
using System.Text.Json;
using TrainingLrs.Admin;
using TrainingLrs.Lrs.Credentials;
using TrainingLrs.Lrs.Storage;

namespace TrainingLrs.Cli;

/// <summary><c>keys create|list|revoke</c>: manage credentials in the database file directly.</summary>
internal static class KeysCommand
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter output)
    {
        var command = new Command("keys", "Create, list and revoke key/secret credentials (the server must be stopped; use /admin/keys while it runs).");
        command.Subcommands.Add(CreateVerb(output));
        command.Subcommands.Add(ListVerb(output));
        command.Subcommands.Add(RevokeVerb(output));
        return command;
    }

    private static Command CreateVerb(TextWriter output)
    {
        var name = new Option<string>("--name") { Description = "What the credential is for", Required = true, HelpName = "NAME" };
        var scope = new Option<string>("--scope") { Description = $"Comma-separated scopes: {string.Join(", ", Scopes.Known)}", Required = true, HelpName = "SCOPE[,SCOPE]" };
        var partner = new Option<string?>("--partner") { Description = "Bind to this partner (lesson keys: statements are attributed to it)", HelpName = "ID" };
        var member = new Option<string?>("--member") { Description = "Bind to this member (reporting keys: sees only its partners)", HelpName = "ID" };
        var data = CommonOptions.Data();
        var command = new Command("create", "Create a credential and print {\"key\":…,\"secret\":…}; the secret is stored only hashed.")
        {
            name, scope, partner, member, data,
        };
        command.SetAction(parse =>
        {
            var problem = KeyRequestValidation.Validate(parse.GetValue(name), parse.GetValue(scope), parse.GetValue(partner), parse.GetValue(member), out var scopes);
            if (problem is not null)
            {
                throw new CliFailure(problem, ExitCodes.InvalidInput);
            }

            using var database = OpenDatabase(parse.GetValue(data));
            var issued = new LiteDbCredentialStore(database).Create(new CredentialRequest(parse.GetValue(name)!, scopes, parse.GetValue(partner), parse.GetValue(member)));
            output.WriteLine(JsonSerializer.Serialize(new IssuedKey(issued.Credential.Key, issued.Secret), _json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ListVerb(TextWriter output)
    {
        var data = CommonOptions.Data();
        var command = new Command("list", "List credentials as JSON lines (never the secrets).") { data };
        command.SetAction(parse =>
        {
            using var database = OpenDatabase(parse.GetValue(data));
            foreach (var credential in new LiteDbCredentialStore(database).List())
            {
                output.WriteLine(JsonSerializer.Serialize(KeySummary.From(credential), _json));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevokeVerb(TextWriter output)
    {
        var key = new Argument<string>("KEY") { Description = "The key to revoke" };
        var data = CommonOptions.Data();
        var command = new Command("revoke", "Revoke a credential; it stops authenticating at once.") { key, data };
        command.SetAction(parse =>
        {
            using var database = OpenDatabase(parse.GetValue(data));
            var keyValue = parse.GetValue(key)!;
            if (!new LiteDbCredentialStore(database).Revoke(keyValue))
            {
                throw new CliFailure($"no credential has key '{keyValue}'");
            }
            output.WriteLine($"Revoked {keyValue}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static LrsDatabase OpenDatabase(string? data)
    {
        var settings = CommonOptions.LoadSettings(("Server:DataDirectory", data));
        return LrsDatabase.Open(settings.Server.DataDirectory);
    }
}
