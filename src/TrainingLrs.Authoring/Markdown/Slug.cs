using System.Text;

namespace TrainingLrs.Authoring.Markdown;

/// <summary>Makes HTML-id-safe slugs from text, keeping letters of any script (Spanish accents stay).</summary>
internal static class Slug
{
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
