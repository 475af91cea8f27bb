using TrainingLrs.Authoring.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace TrainingLrs.Authoring.Courses;

/// <summary>Reads <c>course.yml</c> into a <see cref="CourseDefinition"/>, reporting every problem with its line.</summary>
internal static class CourseYamlReader
{
    public const string FileName = "course.yml";

    private const int DefaultPassMark = 80;

    public static CourseDefinition? Read(string text, DiagnosticBag diagnostics)
    {
        var map = YamlDocuments.LoadMap(text, FileName, 0, diagnostics);
        if (map is null)
        {
            return null;
        }

        var id = map.String("id", required: true) ?? "";
        var languages = map.StringList("languages");
        if (languages.Count == 0)
        {
            languages = ["en"];
        }

        var fallback = languages[0];
        var title = map.LanguageMap("title", fallback, required: true);
        var description = map.LanguageMap("description", fallback);
        var iriBase = map.String("activityIriBase") ?? id.TrimEnd('/') + "/modules";
        var theme = map.String("theme") ?? "default";
        var passMark = ReadPassMark(map, "passMark") ?? DefaultPassMark;
        var moveOn = ReadMoveOn(map) ?? MoveOn.CompletedOrPassed;
        CheckIri(map, "id", id);
        CheckIri(map, "activityIriBase", iriBase);

        var modules = new List<CourseModule>();
        foreach (var node in map.Sequence("modules"))
        {
            var module = ReadModule(map, node, passMark, moveOn);
            if (module is not null)
            {
                modules.Add(module);
            }
        }

        var campaign = map.Map("campaign") is { } c ? ReadCampaign(c) : null;
        var webinars = new List<Webinar>();
        foreach (var node in map.Sequence("webinars"))
        {
            if (node is YamlMappingNode w)
            {
                var wm = map.Wrap(w);
                webinars.Add(new Webinar(wm.String("id", required: true) ?? "", wm.LanguageMap("title", fallback), wm.StringList("modules")));
                wm.ReportUnknownKeys("a webinar");
            }
            else
            {
                map.Error(node, "Each webinar must be a map with id, title and modules.");
            }
        }

        map.ReportUnknownKeys(FileName);
        return new CourseDefinition
        {
            Id = id,
            Title = title,
            Description = description,
            Languages = languages,
            ActivityIriBase = iriBase,
            Theme = theme,
            Modules = modules,
            Campaign = campaign,
            Webinars = webinars,
        };
    }

    private static CourseModule? ReadModule(YamlMap parent, YamlNode node, int passMark, MoveOn moveOn)
    {
        var line = parent.LineOf(node);
        if (node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
        {
            return new CourseModule(s.Value, passMark, moveOn, line);
        }

        if (node is YamlMappingNode m)
        {
            var entry = parent.Wrap(m);
            var folder = entry.String("folder", required: true);
            var module = new CourseModule(folder ?? "", ReadPassMark(entry, "passMark") ?? passMark, ReadMoveOn(entry) ?? moveOn, line);
            entry.ReportUnknownKeys("a module entry");
            return folder is null ? null : module;
        }

        parent.Error(node, "A module entry must be a folder name or a map with 'folder'.");
        return null;
    }

    private static Campaign ReadCampaign(YamlMap map)
    {
        var campaign = new Campaign(map.Date("start"), map.Date("deadline"), map.StringList("requiredModules"), map.Int("learnersPerPartner") ?? 0);
        if (campaign.Start is { } start && campaign.Deadline is { } end && end < start)
        {
            map.Error(map.Node("deadline")!, "The campaign deadline is before its start.");
        }

        map.ReportUnknownKeys("campaign");
        return campaign;
    }

    internal static int? ReadPassMark(YamlMap map, string key)
    {
        var value = map.Int(key);
        if (value is < 0 or > 100)
        {
            map.Error(map.Node(key)!, $"'{key}' must be between 0 and 100 (a percentage), not {value}.", DiagnosticCodes.PassMarkOutOfRange);
            return null;
        }

        return value;
    }

    private static MoveOn? ReadMoveOn(YamlMap map)
    {
        var text = map.String("moveOn");
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<MoveOn>(text, ignoreCase: false, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        map.Error(map.Node("moveOn")!, $"'moveOn' must be one of {string.Join(", ", Enum.GetNames<MoveOn>())}, not '{text}'.");
        return null;
    }

    private static void CheckIri(YamlMap map, string key, string value)
    {
        if (map.Node(key) is { } node && value.Length > 0 && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            map.Error(node, $"'{key}' must be an absolute IRI such as https://example.org/courses/x, not '{value}'.");
        }
    }
}
