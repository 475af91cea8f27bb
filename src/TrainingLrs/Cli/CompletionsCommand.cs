using System.CommandLine;
using TrainingLrs.Hosting;
using TrainingLrs.Lrs.Statements;
using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Completion;

namespace TrainingLrs.Cli;

/// <summary><c>completions rebuild [--check]</c>: recompute every completion row from the stored statements.</summary>
internal static class CompletionsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var check = new Option<bool>("--check") { Description = "Also compare the rebuilt rows with the rows before, and fail if any differ" };
        var data = CommonOptions.Data();
        var content = CommonOptions.Content();
        var themes = CommonOptions.Themes();
        var rebuild = new Command("rebuild", "Recompute every completion row and learner from the stored statements (after a course change, or to check the live projection).")
        {
            check, data, content, themes,
        };
        rebuild.SetAction(async (parse, cancellationToken) =>
        {
            var (settings, catalog) = CommonOptions.LoadCourse(parse, data, content, themes, error);
            using var database = LrsDatabase.Open(settings.Server.DataDirectory);
            await using var services = StoreRegistration.ForVerb(settings, database, catalog);
            var completions = services.GetRequiredService<LiteDbCompletionStore>();
            var ingest = services.GetRequiredService<StatementIngest>();

            var before = parse.GetValue(check) ? completions.Rows().ToDictionary(r => (r.LearnerId, r.ModuleId)) : null;
            var rows = completions.Rebuild(ingest.AllActive().Select(CompletionObserver.ToProjected));
            output.WriteLine($"{rows:N0} completion rows rebuilt.");

            if (before is not null)
            {
                var after = completions.Rows().ToDictionary(r => (r.LearnerId, r.ModuleId));
                var differing = before.Keys.Union(after.Keys).Where(k => !Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k))).ToArray();
                foreach (var (learner, module) in differing.Take(20))
                {
                    error.WriteLine($"differs: learner {learner}, module {module}");
                }
                if (differing.Length > 0)
                {
                    throw new CliFailure($"{differing.Length} row(s) differed from the live projection; the rebuilt rows are now stored");
                }
                output.WriteLine("The rebuilt rows are identical to the live projection.");
            }
            return ExitCodes.Success;
        });

        var command = new Command("completions", "Maintain the completion rows reports are built from.");
        command.Subcommands.Add(rebuild);
        return command;
    }
}
