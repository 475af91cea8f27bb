using System.CommandLine;

namespace TrainingLrs.Cli;

/// <summary><c>build</c>: compile the content into lessons and packages.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output)
    {
        var content = CommonOptions.Content();
        var outDir = CommonOptions.Out();
        var command = new Command("build", "Compile the content into static lessons and SCORM 1.2, SCORM 2004 and cmi5 packages.") { content, outDir };
        command.SetAction(Run);
        int Run(ParseResult parse)
        {
            _ = CommonOptions.LoadSettings(("Server:ContentDirectory", parse.GetValue(content)), ("Server:OutputDirectory", parse.GetValue(outDir)));
            throw new CliFailure("the course compiler is not part of this build yet");
        }
        _ = output;
        return command;
    }
}
