using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingLrs.Lrs.Validation;

/// <summary>The lexical rules of xAPI values: IRIs, UUIDs, language tags, timestamps, durations.</summary>
internal static partial class Rules
{
    // RFC 3987 is far larger than this; the check catches what clients get wrong in practice (no
    // scheme, spaces, control characters) without rejecting legitimate IRIs with non-ASCII text.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>""{}|\\^`\x00-\x1F\x7F]+$")]
    private static partial Regex IriPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^mailto:[^@\s]+@[^@\s]+$")]
    private static partial Regex MailtoPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();

    // RFC 5646 langtag, privateuse and the irregular grandfathered tags.
    [GeneratedRegex(
        @"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
        + @"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?"
        + @"|[xX](?:-[A-Za-z0-9]{1,8})+"
        + @"|en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)$")]
    private static partial Regex LanguageTagPattern();

    // ISO 8601 date-time as xAPI uses it: full date, time to at least minutes, optional fraction and
    // offset. The separator (index 10) may also be RFC 3339's 't' or space, which only 2.0 accepts.
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+\-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex TimestampPattern();

    // ISO 8601:2004 4.4.3.2: weeks (PnW) stand alone and never mix with the other designators.
    [GeneratedRegex(@"^P(?:\d+(?:[.,]\d+)?W|(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(\s*;.*)?$")]
    private static partial Regex MediaTypePattern();

    public static bool IsIri(string value) => value.Length <= 8000 && IriPattern().IsMatch(value);

    public static bool IsUuid(string value) => UuidPattern().IsMatch(value);

    public static bool IsMailto(string value) => MailtoPattern().IsMatch(value) && IsIri(value);

    public static bool IsSha1Hex(string value) => Sha1Pattern().IsMatch(value);

    public static bool IsLanguageTag(string value) =>
        value.Length <= 100 && LanguageTagPattern().IsMatch(value) && HasNoRepeatedSubtags(value);

    // RFC 5646 2.2.5 and 2.2.6: a variant and an extension singleton may each appear only once, which a
    // regular expression cannot express. Subtags after the private-use singleton "x" are free-form.
    private static bool HasNoRepeatedSubtags(string tag)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inExtension = false;
        foreach (var subtag in tag.Split('-').Skip(1))
        {
            if (subtag.Length == 1)
            {
                if (subtag is "x" or "X")
                {
                    return true;
                }
                inExtension = true;
                if (!seen.Add(subtag))
                {
                    return false;
                }
            }
            else if (!inExtension && (subtag.Length >= 5 || (subtag.Length == 4 && char.IsAsciiDigit(subtag[0]))) && !seen.Add(subtag))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsDuration(string value) => DurationPattern().IsMatch(value);

    public static bool IsMediaType(string value) => MediaTypePattern().IsMatch(value);

    /// <summary>
    /// Parses an xAPI timestamp. A missing offset is read as UTC; <c>-00:00</c> (RFC 3339's "unknown
    /// offset") is refused because xAPI requires a known time zone for that form. ISO 8601 (1.0.3)
    /// separates date and time with <c>T</c>; <paramref name="allowRfc3339Separator"/> also takes
    /// RFC 3339's <c>t</c> and space, as xAPI 2.0 does.
    /// </summary>
    public static bool TryParseTimestamp(string value, out DateTimeOffset result, bool allowRfc3339Separator = false)
    {
        result = default;
        var match = TimestampPattern().Match(value);
        if (!match.Success || (value[10] != 'T' && !allowRfc3339Separator))
        {
            return false;
        }

        var offset = match.Groups[8].Value;
        if (offset is "-00" or "-0000" or "-00:00")
        {
            return false;
        }

        var normalized = string.Concat(value.AsSpan(0, 10), "T", value.AsSpan(11));
        if (offset.Length == 0)
        {
            normalized += "Z";
        }
        else if (offset.Length == 3)
        {
            normalized += ":00";
        }

        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
    }

    /// <summary>The canonical form the LRS writes: UTC, milliseconds, <c>Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
