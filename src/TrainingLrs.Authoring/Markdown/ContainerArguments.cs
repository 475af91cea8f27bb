using System.Text;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>
/// Parses the text after a container's name: <c>id=q1 type=single title="Who is on the floor?"</c>.
/// Plain key=value pairs read better for authors than Markdig's <c>{#id .class}</c> attribute syntax.
/// </summary>
internal sealed class ContainerArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private ContainerArguments()
    {
    }

    public List<string> Errors { get; } = [];

    public static ContainerArguments Parse(string? text)
    {
        var args = new ContainerArguments();
        text ??= "";
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var key = text[keyStart..i];
            if (i >= text.Length || text[i] != '=')
            {
                args.Errors.Add($"'{key}' needs a value, as in {key}=value.");
                continue;
            }

            i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    value.Append(text[i++]);
                }

                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    value.Append(text[i++]);
                }
            }

            if (!args._values.TryAdd(key, value.ToString()))
            {
                args.Errors.Add($"'{key}' is given twice.");
            }
        }

        return args;
    }

    public string? Get(string key)
    {
        _read.Add(key);
        return _values.TryGetValue(key, out var v) ? v : null;
    }

    public int? GetInt(string key)
    {
        var text = Get(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, out var value))
        {
            return value;
        }

        Errors.Add($"'{key}' must be a whole number, not '{text}'.");
        return null;
    }

    public bool? GetBool(string key)
    {
        var text = Get(key);
        switch (text)
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Errors.Add($"'{key}' must be true or false, not '{text}'.");
                return null;
        }
    }

    /// <summary>Adds an error for each argument the block does not understand (catches typos).</summary>
    public void RejectUnknown(string blockName)
    {
        foreach (var key in _values.Keys.Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
        {
            Errors.Add($"Unknown argument '{key}' on '{blockName}'.");
        }
    }
}
