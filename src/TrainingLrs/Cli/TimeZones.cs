namespace TrainingLrs.Cli;

/// <summary>The <c>--time-zone</c> option and its HTTP twin.</summary>
internal static class TimeZones
{
    /// <summary>An IANA (or Windows) zone id, or UTC when none is given.</summary>
    public static TimeZoneInfo Parse(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CliFailure($"--time-zone: '{id}' is not a known time zone (e.g. America/Chicago)", ExitCodes.InvalidInput);
        }
    }
}
