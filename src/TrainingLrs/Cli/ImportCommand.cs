using System.CommandLine;
using TrainingLrs.Admin;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Statements;
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
        command.Subcommands.Add(AttendanceVerb(output, error));
        return command;
    }

    private static Command AttendanceVerb(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The webinar platform's attendee export (CSV: webinar_id,name,email,join_time,leave_time[,partner])" };
        var partner = new Option<string?>("--partner") { Description = "Partner of every attendee, when the file has no partner column", HelpName = "ID" };
        var zone = new Option<string?>("--time-zone") { Description = "Time zone of join and leave times written without an offset (IANA id, default UTC)", HelpName = "ZONE" };
        var data = CommonOptions.Data();
        var content = CommonOptions.Content();
        var themes = CommonOptions.Themes();
        var command = new Command("attendance", "Record webinar attendance as xAPI 'attended' statements; they count for the modules course.yml maps to each webinar.")
        {
            file, partner, zone, data, content, themes,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliFailure($"{path.FullName}: no such file", ExitCodes.InvalidInput);
            }
            var timeZone = TimeZones.Parse(parse.GetValue(zone));
            var (settings, catalog) = CommonOptions.LoadCourse(parse, data, content, themes, error);

            using var database = LrsDatabase.Open(settings.Server.DataDirectory);
            await using var services = StoreRegistration.ForVerb(settings, database, catalog);
            var import = new AttendanceImport(services.GetRequiredService<StatementIngest>(), services.GetRequiredService<IOrganisationStore>(), catalog);
            using var reader = new StreamReader(path.FullName, detectEncodingFromByteOrderMarks: true);
            var outcome = await import.ImportAsync(reader, path.Name, parse.GetValue(partner), timeZone, cancellationToken);
            if (outcome.Problems.Count > 0)
            {
                foreach (var problem in outcome.Problems)
                {
                    error.WriteLine(problem);
                }
                throw new CliFailure($"{outcome.Problems.Count} problem(s) in {path.Name}; nothing was imported");
            }
            output.WriteLine($"{path.Name}: {outcome.Statements} attendance record(s) stored.");
            return ExitCodes.Success;
        });
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
