namespace TrainingLrs.Authoring.Compilation.Stages;

/// <summary>
/// Swaps the staging folder in place of the output folder: old output aside, new output in, old
/// output deleted. Readers see either the old or the new tree, never a half-written one.
/// </summary>
internal static class PublishStage
{
    public static void Run(CompileContext context)
    {
        if (context.StagingRoot is null)
        {
            return;
        }

        var output = context.OutputRoot;
        string? old = null;
        if (Directory.Exists(output))
        {
            old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Guid.NewGuid():N}");
            Directory.Move(output, old);
        }

        try
        {
            Directory.Move(context.StagingRoot, output);
            context.StagingRoot = null;
        }
        catch
        {
            if (old is not null)
            {
                Directory.Move(old, output);
            }

            throw;
        }

        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
