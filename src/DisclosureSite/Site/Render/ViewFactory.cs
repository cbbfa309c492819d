using System.Collections.Concurrent;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render;

/// <summary>
/// Builds the small views several pages share (item links, counts, status entries), so every page says a thing the same
/// way. Each is a function of the parts it is made from: <see cref="Link"/> of <see cref="PublicDisclosures"/> (and the
/// units and catalogue), <see cref="Entry"/> of <see cref="ComplianceFacts"/> too, <see cref="UnitSummary"/> and
/// <see cref="RequestSummary"/> of <see cref="RequestFacts"/>, <see cref="Money"/> of the disclosures' ledgers.
/// </summary>
public sealed class ViewFactory(SiteFacts site, PublicDisclosures disclosures, ComplianceFacts compliance, RequestFacts requests)
{
    private readonly ConcurrentDictionary<Disclosure, ItemLinkView> _links = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<ComplianceEntry, EntryView> _entries = new(ReferenceEqualityComparer.Instance);

    /// <summary>A disclosure in a list (made once per build: the history, topic, period and home pages all list it).</summary>
    public ItemLinkView Link(Disclosure d) => _links.GetOrAdd(d, NewLink);

    /// <summary>A catalogue item's status in a period (made once per build: the unit and period pages both show it).</summary>
    public EntryView Entry(ComplianceEntry e) => _entries.GetOrAdd(e, NewEntry);

    private ItemLinkView NewLink(Disclosure d)
    {
        var unit = site.UnitOf(d.Unit);
        var (date, source) = disclosures.Published(d);
        var (status, days) = disclosures.StatusOf(d);
        return new ItemLinkView(
            d.Title,
            d.UrlPath,
            unit.Name,
            d.Period.ToString(),
            d.Period.ToChinese(),
            site.ItemName(unit, d.Item),
            LiquidFilters.Iso(date),
            Messages.DateSourceChinese(source),
            status,
            days,
            disclosures.IsWithdrawn(d),
            d.IsCorrection);
    }

    public static CountsView Counts(IEnumerable<ComplianceEntry> entries)
    {
        var list = entries.ToList();
        return new CountsView(
            list.Count(e => e.IsDue),
            list.Count(e => e.Status == ItemStatus.OnTime),
            list.Count(e => e.Status == ItemStatus.Late),
            list.Count(e => e.Status == ItemStatus.Nil),
            list.Count(e => e.Status == ItemStatus.Missing),
            list.Count(e => !e.IsDue));
    }

    private EntryView NewEntry(ComplianceEntry e)
    {
        // Only public disclosures are listed: an embargoed one is not named anywhere before its date.
        var items = e.Disclosures.Where(disclosures.IsPublic).OrderBy(d => d.Slug, StringComparer.Ordinal).Select(Link).ToList();
        return new EntryView(
            e.Item.Id,
            e.Item.Name,
            StatusWords.Key(e.Status),
            e.Days,
            Dates.Iso(e.Deadline),
            e.IsDisclosed ? LiquidFilters.Iso(e.PublishedOn) : string.Empty,
            e.IsDisclosed ? Messages.DateSourceChinese(e.DateSource) : string.Empty,
            items);
    }

    public UnitSummaryView UnitSummary(Unit unit) => new(
        unit.Id,
        unit.Name,
        unit.Level.ToChinese(),
        unit.Id + "/",
        UnitNote(unit),
        Counts(compliance.Of(unit.Id)))
    {
        Requests = RequestSummary(unit),
    };

    /// <summary>A unit's open and overdue 民情台账 matters (null when its level keeps none and it has none).</summary>
    public RequestSummaryView? RequestSummary(Unit unit)
    {
        var log = requests.Of(unit.Id);
        var owed = site.Rules.Standing.TryGetValue(unit.Level, out var rules) && rules.Requests && unit.Until is null;
        if (log is null)
        {
            return owed ? new RequestSummaryView(0, 0, 0, null, true) : null;
        }

        var f = RequestFigures.Of(log.Matters, site.AsOf);
        return new RequestSummaryView(f.Open, f.Overdue, f.Received, RequestsUrl(unit.Id), owed);
    }

    public static string RequestsUrl(string unit) => unit + "/requests/";

    /// <summary>Figures as the pages say them: 按时办结率 as a percentage, median days to one decimal (or "—").</summary>
    public static RequestFiguresView Figures(string? name, RequestFigures f) => new(
        name,
        f.Received,
        f.Closed,
        f.ClosedOnTime,
        f.OnTimePercent is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : "—",
        f.MedianDays is { } m ? m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " 天" : "—",
        f.Open,
        f.Overdue);

    /// <summary>A matter on the 民情台账 page and its print view.</summary>
    public RequestView Request(RequestMatter m)
    {
        var (status, days) = StatusWords.Of(m, site.AsOf);
        return new RequestView(
            m.Anchor,
            m.Number,
            Dates.Iso(m.Received),
            m.Requester,
            m.Subject,
            m.Category,
            m.Handler,
            Dates.Iso(m.Due),
            status,
            days,
            m.IsClosed && m.Closed is { } c ? Dates.Iso(c) : string.Empty,
            m.Result,
            m.FollowUp)
        {
            PageUrl = m.IsToldOn(site.AsOf) ? m.PageUrl : null,
        };
    }

    /// <summary>
    /// The latest period whose deadline has passed among <paramref name="entries"/>: the latest quarter (the streams
    /// every unit owes), else the latest of any kind.
    /// </summary>
    public static Period? LatestDue(IEnumerable<ComplianceEntry> entries)
    {
        Period? quarter = null, any = null;
        foreach (var e in entries)
        {
            if (!e.IsDue)
            {
                continue;
            }

            if (any is null || e.Period > any)
            {
                any = e.Period;
            }

            if (e.Period.Kind == PeriodKind.Quarter && (quarter is null || e.Period > quarter))
            {
                quarter = e.Period;
            }
        }

        return quarter ?? any;
    }

    /// <summary>What a page opens with: one period's figures, its missing and late items named, and the money of a finance ledger.</summary>
    public static LatestView Latest(Period period, IReadOnlyList<ComplianceEntry> entries, string url, MoneyView? money)
    {
        static ShortfallView Shortfall(ComplianceEntry e) => new(e.Unit.Name, e.Item.Name, $"{e.Unit.Id}/{e.Period}/", e.Days);
        return new LatestView(
            period.ToString(),
            period.ToChinese(),
            url,
            entries.Count > 0 ? Dates.Iso(entries.Min(e => e.Deadline)) : Dates.Iso(period.End),
            Counts(entries),
            entries.Where(e => e.Status == ItemStatus.Missing).Select(Shortfall).ToList(),
            entries.Where(e => e.Status == ItemStatus.Late).Select(Shortfall).ToList(),
            money);
    }

    /// <summary>
    /// 收入、支出、结余 of the unit's latest finance disclosure (catalogue item <c>village.finance</c>, <c>gov.finance</c>,
    /// <c>community.finance</c> …: the id's last part is <c>finance</c>) that has a ledger, up to <paramref name="upTo"/>:
    /// totals computed from the rows, the balance from <c>closing_balance</c> or opening + income − expense.
    /// </summary>
    public MoneyView? Money(string unit, Period upTo)
    {
        var d = disclosures.Of(unit)
            .Where(x => !x.IsCorrection && !x.IsNil && !disclosures.IsWithdrawn(x) && x.Period <= upTo && x.Item.EndsWith(".finance", StringComparison.Ordinal)
                && x.Tables.Any(t => t.Schema == TableSchema.Ledger))
            .OrderByDescending(x => x.Period)
            .ThenBy(x => x.Slug, StringComparer.Ordinal)
            .FirstOrDefault();
        if (d is null)
        {
            return null;
        }

        decimal income = 0, expense = 0;
        foreach (var t in d.Tables.Where(t => t.Schema == TableSchema.Ledger))
        {
            var ledger = Validation.Tables.LedgerAnalysis.Of(t, site.Rules);
            income += ledger.IncomeTotal;
            expense += ledger.ExpenseTotal;
        }

        var balance = d.Meta.ClosingBalance ?? (d.Meta.OpeningBalance is { } o ? o + income - expense : null);
        return new MoneyView(d.Title, d.UrlPath, d.Period.ToChinese(), income, expense, balance);
    }

    public static string? UnitNote(Unit unit) => unit.Until is { } until
        ? $"已于{until.ToChinese()}后撤并，此前的公开内容保留可查。"
        : unit.Since is { } since ? $"自{since.ToChinese()}起设立。" : null;
}
