using System.Globalization;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Ledger;

/// <summary>What happened to an item in a publication entry.</summary>
public static class LedgerChange
{
    public const string New = "new";
    public const string Revised = "revised";
    public const string Withdrawn = "withdrawn";

    public static bool IsKnown(string change) => change is New or Revised or Withdrawn;
}

/// <summary>
/// One item of a publication entry: the item's URL and place, its input files in canonical order, the SHA-256 of
/// its canonical content (<see cref="ContentHash"/>), its revision number and what changed.
/// </summary>
public sealed record LedgerItem(
    string Url,
    string Unit,
    string Period,
    string Item,
    string File,
    IReadOnlyList<string> Files,
    string ContentSha256,
    long Revision,
    string? RevisionNote,
    string Change,
    string? WithdrawnReason)
{
    public bool IsWithdrawal => Change == LedgerChange.Withdrawn;
}

/// <summary>
/// One line of <c>ledger/publications.jsonl</c>: a publication, chained to the previous one by <see cref="Prev"/>.
/// Times are kept as the exact strings written, so the entry re-serializes byte for byte (<see cref="CanonicalJson"/>).
/// </summary>
public sealed record LedgerEntry(
    long Seq,
    string PublishedAtUtc,
    string PublishedAtLocal,
    string AsOf,
    string? Commit,
    IReadOnlyList<LedgerItem> Items,
    string? ManifestSha256,
    string Prev,
    string Hash)
{
    /// <summary>The <c>prev</c> of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The one way a new entry is made: numbered and chained after <paramref name="head"/>, published at
    /// <paramref name="at"/> (whole seconds) written in UTC and in the site's time zone, and hashed.
    /// </summary>
    public static LedgerEntry Next(LedgerHead head, DateTimeOffset at, TimeZoneInfo zone, DateOnly asOf, string? commit, IReadOnlyList<LedgerItem> items, string? manifestSha256)
    {
        var utc = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var entry = new LedgerEntry(
            head.LastSeq + 1,
            utc.UtcDateTime.ToString(CanonicalJson.UtcTimeFormat, CultureInfo.InvariantCulture),
            local.ToString(CanonicalJson.LocalTimeFormat, CultureInfo.InvariantCulture),
            Dates.Iso(asOf),
            commit,
            items,
            manifestSha256,
            head.LastHash,
            string.Empty);
        return entry with { Hash = CanonicalJson.HashOf(entry) };
    }

    /// <summary>The publication time with its offset in the site's time zone.</summary>
    public DateTimeOffset PublishedAt =>
        DateTimeOffset.TryParseExact(PublishedAtLocal, CanonicalJson.LocalTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : default;

    /// <summary>The publication day in the site's time zone: the trusted publication date of what it adds.</summary>
    public DateOnly PublishedOn => DateOnly.FromDateTime(PublishedAt.DateTime);

    /// <summary>
    /// The first entry is the baseline (建账): it records what was already on the site when the ledger began, so it
    /// proves those items existed then but not when they were first published.
    /// </summary>
    public bool IsBaseline => Seq == 1;

    public DateOnly AsOfDate => DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;
}
