namespace DisclosureSite.Model;

/// <summary>"Today" in the site's time zone, from an injected <see cref="TimeProvider"/> — never the machine's UTC date.</summary>
public static class SiteClock
{
    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.FindSystemTimeZoneById(SiteSettings.DefaultTimeZone);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
}
