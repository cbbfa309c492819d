using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Ledger;

/// <summary>
/// Compares what the input publishes on a day with what the ledger last recorded for each URL: the items a new
/// entry would record (new, revised, withdrawn) and the findings that block recording (SPEC §7).
/// </summary>
/// <remarks>
/// Rules: a public item not in the ledger is <c>new</c> (revision 1). A recorded item whose content hash differs
/// from its last record is <c>revised</c> (revision + 1) and must carry a <c>revision_note</c> that differs from
/// the last recorded note, else <c>ledger.changed-without-revision</c>. <c>withdrawn:</c> or a reached
/// <c>withdraw_at</c> records a withdrawal once, of the revision last shown. A recorded, not withdrawn item that is gone from the input (or
/// moved back under embargo) is <c>ledger.vanished</c>. Publishing a withdrawn item again is a revision.
/// </remarks>
public sealed record LedgerPlan(IReadOnlyList<LedgerItem> Changes, IReadOnlyList<Finding> Findings)
{
    public bool HasChanges => Changes.Count > 0;

    /// <summary>The plan of <paramref name="input"/> on <paramref name="asOf"/>; <paramref name="isPublic"/> says whether a disclosure is on the site that day (the validator's calculator decides).</summary>
    public static LedgerPlan Compute(LedgerState ledger, SiteInput input, Func<Disclosure, bool> isPublic, DateOnly asOf)
    {
        var changes = new List<LedgerItem>();
        var findings = new List<Finding>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in input.Disclosures)
        {
            var url = d.UrlPath;
            present.Add(url);
            var shown = isPublic(d);
            var withdrawnReason = WithdrawnReason(d, asOf);
            ledger.Latest.TryGetValue(url, out var last);
            if (last is null && !shown)
            {
                continue;
            }

            if (last is not null && last.Item.IsWithdrawal && (withdrawnReason is not null || d.Meta.PublishAt > asOf))
            {
                continue;
            }

            var files = ContentHash.FilesOf(d);
            var hash = ContentHash.Of(input.Root, d);
            var note = Clean(d.Meta.RevisionNote);
            LedgerItem Make(long revision, string change) =>
                new(url, d.Unit, d.Period.ToString(), d.Item, d.File, files, hash, revision, note, change, change == LedgerChange.Withdrawn ? withdrawnReason : null);

            if (last is null)
            {
                changes.Add(Make(1, withdrawnReason is null ? LedgerChange.New : LedgerChange.Withdrawn));
                continue;
            }

            // Once recorded, only the clerk's embargo can take an item off the site; its trusted date is the ledger's own.
            var previous = last.Item;
            if (d.Meta.PublishAt is { } embargo && embargo > asOf)
            {
                findings.Add(Finding(FindingCodes.Vanished, Messages.LedgerEmbargoedAfterPublication(d.File, last.Entry.PublishedOn, d.Meta.PublishAt), d));
                continue;
            }

            var changed = hash != previous.ContentSha256;
            if (withdrawnReason is not null)
            {
                // A withdrawal ends the revision last shown; the hash records the file as withdrawn (with its reason).
                changes.Add(Make(previous.Revision, LedgerChange.Withdrawn));
                continue;
            }

            if (!changed && !previous.IsWithdrawal)
            {
                continue;
            }

            if (note is null)
            {
                findings.Add(Finding(FindingCodes.ChangedWithoutRevision, previous.IsWithdrawal
                    ? Messages.LedgerRepublishedWithoutNote(d.File, last.Entry.PublishedOn)
                    : Messages.LedgerChangedWithoutNote(d.File, previous.Revision, last.Entry.PublishedOn, last.Entry.Seq), d));
            }
            else if (note == previous.RevisionNote)
            {
                findings.Add(Finding(FindingCodes.ChangedWithoutRevision, Messages.LedgerNoteUnchanged(d.File, previous.Revision, note), d));
            }
            else
            {
                changes.Add(Make(previous.Revision + 1, LedgerChange.Revised));
            }
        }

        foreach (var log in input.Requests)
        {
            foreach (var m in log.Matters.Where(m => m.IsToldOn(asOf)))
            {
                PlanRequest(ledger, log, m, present, changes, findings);
            }
        }

        foreach (var (url, last) in ledger.Latest)
        {
            if (!present.Contains(url) && !last.Item.IsWithdrawal)
            {
                findings.Add(new Finding(
                    FindingCodes.Vanished, FindingCodes.SeverityOf(FindingCodes.Vanished),
                    Messages.LedgerVanished(last.Item.File, url, last.Entry.PublishedOn, last.Entry.Seq),
                    last.Item.Unit, last.Item.Period, last.Item.Item, last.Item.File));
            }
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        return new LedgerPlan(changes, findings);
    }

    /// <summary>
    /// A 民情台账 matter whose result is told is recorded like a disclosure, under its page's URL: new once, then a revision
    /// when the result (状态, 办结日期, 办理结果) changes — which needs a new note in the row's <c>revision_note</c> column, else
    /// <c>ledger.changed-without-revision</c> at the row. A recorded result whose row is gone (or reopened) is <c>ledger.vanished</c>.
    /// </summary>
    private static void PlanRequest(LedgerState ledger, RequestLog log, RequestMatter m, HashSet<string> present, List<LedgerItem> changes, List<Finding> findings)
    {
        var url = m.PageUrl;
        if (!present.Add(url))
        {
            return;
        }

        var hash = m.ContentSha256;
        var note = Clean(m.RevisionNote);
        LedgerItem Make(long revision, string change) =>
            new(url, m.Unit, m.Quarter.ToString(), RequestsItem, log.File, [log.File], hash, revision, note, change, null);
        if (!ledger.Latest.TryGetValue(url, out var last))
        {
            changes.Add(Make(1, LedgerChange.New));
            return;
        }

        var previous = last.Item;
        if (hash == previous.ContentSha256)
        {
            return;
        }

        if (note is null || note == previous.RevisionNote)
        {
            findings.Add(new Finding(
                FindingCodes.ChangedWithoutRevision, FindingCodes.SeverityOf(FindingCodes.ChangedWithoutRevision),
                Messages.RequestResultChanged(m.Number, last.Entry.PublishedOn, last.Entry.Seq, note is not null),
                m.Unit, m.Quarter.ToString(), null, m.Source.File, m.Source.Line));
            return;
        }

        changes.Add(Make(previous.Revision + 1, LedgerChange.Revised));
    }

    /// <summary>The <c>item</c> of a 民情台账 matter's ledger record.</summary>
    public const string RequestsItem = "requests";

    /// <summary>The reason shown on the withdrawal notice, when the item is withdrawn on the as-of date.</summary>
    public static string? WithdrawnReason(Disclosure d, DateOnly asOf)
    {
        if (Clean(d.Meta.Withdrawn) is { } reason)
        {
            return reason;
        }

        return d.Meta.WithdrawAt is { } at && at <= asOf ? $"公示期满({Dates.Iso(at)})" : null;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Finding Finding(string code, LocalizedText text, Disclosure d) =>
        new(code, FindingCodes.SeverityOf(code), text, d.Unit, d.Period.ToString(), d.Item, d.File, Disclosure.FrontMatterLine);
}
