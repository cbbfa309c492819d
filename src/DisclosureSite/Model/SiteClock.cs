namespace DisclosureSite.Model;

/// <summary>"Today" in the site's time zone, from an injected <see cref="TimeProvider"/> — never the machine's UTC date.</summary>
public static class SiteClock
{
    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.FindSystemTimeZoneById(SiteSettings.DefaultTimeZone);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in <paramref name="zone"/>, with the zone's offset then.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
