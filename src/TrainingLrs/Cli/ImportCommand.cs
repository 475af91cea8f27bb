using System.CommandLine;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Imports;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Cli;

/// <summary><c>import members|partners FILE.csv</c>: idempotent upserts; a file with a bad row changes nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("import", "Import members or partners from CSV (the server must be stopped; use POST /admin/import/… while it runs).");
        command.Subcommands.Add(Verb("members", "Import members: columns id,name.", output, error, (importer, reader, file) => importer.ImportMembers(reader, file)));
        command.Subcommands.Add(Verb(
            "partners",
            $"Import partners: columns {string.Join(",", OrganisationImporter.PartnerColumns)} and optionally {string.Join(",", OrganisationImporter.PartnerOptionalColumns)}; members separated by ';'.",
            output, error, (importer, reader, file) => importer.ImportPartners(reader, file)));
        return command;
    }

    private static Command Verb(string name, string description, TextWriter output, TextWriter error, Func<OrganisationImporter, TextReader, string, ImportResult> import)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file (UTF-8, header row first)" };
        var data = CommonOptions.Data();
        var command = new Command(name, description) { file, data };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliFailure($"{path.FullName}: no such file", ExitCodes.InvalidInput);
            }

            var settings = CommonOptions.LoadSettings(("Server:DataDirectory", parse.GetValue(data)));
            using var database = LrsDatabase.Open(settings.Server.DataDirectory);
            using var reader = new StreamReader(path.FullName, detectEncodingFromByteOrderMarks: true);
            var result = import(new OrganisationImporter(new LiteDbOrganisationStore(database)), reader, path.Name);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    error.WriteLine(problem);
                }
                throw new CliFailure($"{result.Problems.Count} problem(s) in {path.Name}; nothing was imported");
            }

            output.WriteLine($"{path.Name}: {result.Counts!.Inserted} added, {result.Counts.Updated} updated, {result.Counts.Unchanged} unchanged.");
            return ExitCodes.Success;
        });
        return command;
    }
}
