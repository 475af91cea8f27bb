using System.Globalization;
using TrainingLrs.Authoring.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace TrainingLrs.Authoring.Courses;

/// <summary>
/// Reads a YAML mapping key by key, reporting wrong types and unknown keys with real line numbers.
/// Used instead of a deserializer because a deserializer stops at the first problem and loses positions.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, DiagnosticBag diagnostics, string path, int lineOffset)
    {
        _node = node;
        _diagnostics = diagnostics;
        _path = path;
        _lineOffset = lineOffset;
    }

    public int Line => (int)_node.Start.Line + _lineOffset;

    public string Path => _path;

    public DiagnosticBag Diagnostics => _diagnostics;

    public int LineOf(YamlNode node) => (int)node.Start.Line + _lineOffset;

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error(_node, $"'{key}' is required.");
            }

            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(node, $"'{key}' must be a single value.");
        return null;
    }

    public int? Int(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Node(key)!, $"'{key}' must be a whole number, not '{text}'.");
        return null;
    }

    public DateOnly? Date(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Error(Node(key)!, $"'{key}' must be a date written yyyy-MM-dd, not '{text}'.");
        return null;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                var list = new List<string>();
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode s && s.Value is not null)
                    {
                        list.Add(s.Value);
                    }
                    else
                    {
                        Error(item, $"Items of '{key}' must be single values.");
                    }
                }

                return list;
            default:
                Error(node, $"'{key}' must be a list.");
                return [];
        }
    }

    /// <summary>A value that is either one string or a map of language code to string.</summary>
    public IReadOnlyDictionary<string, string> LanguageMap(string key, string fallbackLanguage, bool required = false)
    {
        var node = Node(key);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case null:
                if (required)
                {
                    Error(_node, $"'{key}' is required.");
                }

                break;
            case YamlScalarNode s:
                map[fallbackLanguage] = s.Value ?? "";
                break;
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    if (k is YamlScalarNode lang && v is YamlScalarNode text && lang.Value is not null)
                    {
                        map[lang.Value] = text.Value ?? "";
                    }
                    else
                    {
                        Error(k, $"'{key}' must map language codes to text.");
                    }
                }

                break;
            default:
                Error(node, $"'{key}' must be text or a map of language code to text.");
                break;
        }

        return map;
    }

    public YamlMap? Map(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode m:
                return new YamlMap(m, _diagnostics, _path, _lineOffset);
            default:
                Error(node, $"'{key}' must be a map of keys to values.");
                return null;
        }
    }

    public IEnumerable<YamlNode> Sequence(string key)
    {
        var node = Node(key);
        if (node is YamlSequenceNode seq)
        {
            return seq.Children;
        }

        if (node is not null)
        {
            Error(node, $"'{key}' must be a list.");
        }

        return [];
    }

    public YamlMap Wrap(YamlMappingNode node) => new(node, _diagnostics, _path, _lineOffset);

    /// <summary>Reports every key that was never asked for: they are typos or unsupported settings.</summary>
    public void ReportUnknownKeys(string where)
    {
        foreach (var key in _node.Children.Keys)
        {
            if (key is YamlScalarNode s && s.Value is not null && !_read.Contains(s.Value))
            {
                _diagnostics.Error(_path, LineOf(key), (int)key.Start.Column, DiagnosticCodes.UnknownKey,
                    $"Unknown key '{s.Value}' in {where}.");
            }
        }
    }

    public void Error(YamlNode node, string message, string code = DiagnosticCodes.InvalidSetting) =>
        _diagnostics.Error(_path, LineOf(node), (int)node.Start.Column, code, message);
}
