using TrainingLrs.Authoring.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrainingLrs.Authoring.Courses;

/// <summary>Loads YAML text into a root mapping, turning syntax errors into diagnostics.</summary>
internal static class YamlDocuments
{
    // lineOffset: lines before the YAML in its file (front matter starts after ---).
    public static YamlMap? LoadMap(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(path, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column, DiagnosticCodes.InvalidYaml,
                "Invalid YAML: " + (ex.InnerException?.Message ?? ex.Message));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(path, 1 + lineOffset, 1, DiagnosticCodes.InvalidYaml, "Expected a YAML map of keys to values.");
            return null;
        }

        return new YamlMap(root, diagnostics, path, lineOffset);
    }
}
