using System.Globalization;
using System.Net;
using System.Text;

namespace TrainingLrs.Dashboard;

/// <summary>
/// Small inline SVG charts: no script, no external library, readable by screen readers through
/// <c>role="img"</c> with a title and description (each chart also has a data table beside it).
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;

    /// <summary>A step line of one or two series over days.</summary>
    public static string Lines(string title, string description, IReadOnlyList<string> labels, IReadOnlyList<(string Name, string CssClass, IReadOnlyList<int> Values)> series)
    {
        const int height = 220, left = 44, right = 12, top = 12, bottom = 28;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var count = Math.Max(1, labels.Count - 1);
        double X(int i) => left + (Width - left - right) * (double)i / count;
        double Y(int v) => top + (height - top - bottom) * (1 - (double)v / max);

        var svg = Open(title, description, height);
        foreach (var tick in Ticks(max))
        {
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{left}\" x2=\"{Width - right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{left - 6}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{tick}</text>"));
        }
        if (labels.Count > 0)
        {
            svg.Append(Invariant($"<text class=\"axis\" x=\"{left}\" y=\"{height - 8}\">{Encode(labels[0])}</text>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{Width - right}\" y=\"{height - 8}\" text-anchor=\"end\">{Encode(labels[^1])}</text>"));
        }
        foreach (var (name, css, values) in series)
        {
            var points = string.Join(' ', values.Select((v, i) => Invariant($"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(Invariant($"<polyline class=\"{css}\" fill=\"none\" points=\"{points}\"><title>{Encode(name)}</title></polyline>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per item, with the value written at the end.</summary>
    public static string Bars(string title, string description, IReadOnlyList<(string Label, string CssClass, double Value, string Text)> items, double? maxValue = null)
    {
        const int row = 28, labelWidth = 210, textWidth = 90;
        var height = Math.Max(row, items.Count * row) + 4;
        var max = Math.Max(1e-9, maxValue ?? items.Select(i => i.Value).DefaultIfEmpty(0).Max());
        var svg = Open(title, description, height);
        for (var i = 0; i < items.Count; i++)
        {
            var (label, css, value, text) = items[i];
            var y = 4 + i * row;
            var width = (Width - labelWidth - textWidth) * Math.Clamp(value / max, 0, 1);
            svg.Append(Invariant($"<text class=\"label\" x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Encode(Shorten(label, 30))}</text>"));
            svg.Append(Invariant($"<rect class=\"{css}\" x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{width:0.#}\" height=\"{row - 10}\" rx=\"2\"/>"));
            svg.Append(Invariant($"<text class=\"value\" x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 17}\">{Encode(text)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, string description, int height)
    {
        var id = "c" + Math.Abs(StringComparer.Ordinal.GetHashCode(title)).ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .Append(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">"))
            .Append(Invariant($"<title id=\"{id}-t\">{Encode(title)}</title><desc id=\"{id}-d\">{Encode(description)}</desc>"));
    }

    private static IEnumerable<int> Ticks(int max)
    {
        var step = Math.Max(1, (int)Math.Ceiling(max / 4.0));
        for (var v = 0; v <= max; v += step)
        {
            yield return v;
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
