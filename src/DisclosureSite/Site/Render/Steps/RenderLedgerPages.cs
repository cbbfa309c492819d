using DisclosureSite.Ledger;
using DisclosureSite.Publishing.Ledger;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// The publication ledger as pages (SPEC §7): <c>/history/ledger/</c> every entry by date, newest first, with what it
/// published, revised and withdrew; <c>/history/ledger/{unit}/</c> the same for one unit; and the ledger file itself at
/// <c>/history/publications.jsonl</c> for auditors (docs/审计核验.md), copied after Render by <see cref="Write.CopyLedger"/>.
/// </summary>
public sealed class RenderLedgerPages : RenderStep<RenderLedgerPages.Input>
{
    /// <summary>The ledger's pages list its entries, naming each recorded item by its title.</summary>
    public sealed record Input(SiteFacts Site, HistoryFacts History);

    public override Input InputOf(SiteData data) => new(data.Site, data.History);

    public override void Run(RenderContext context, Input input)
    {
        var site = input.Site;
        var ledger = input.History.Ledger;
        if (!ledger.Exists || ledger.Path is null)
        {
            return;
        }

        var units = site.Units.Where(u => ledger.Entries.Any(e => e.Items.Any(i => i.Unit == u.Id)))
            .Select(u => new LinkView(u.Name, $"history/ledger/{u.Id}/")).ToList();
        var crumbs = context.Crumbs(new LinkView("发布记录", "history/"));
        context.WritePage("history/ledger/", "ledger", "发布登记簿", View(input, null, units), crumbs);
        foreach (var unit in site.Units)
        {
            if (units.Any(u => u.Url == $"history/ledger/{unit.Id}/"))
            {
                context.WritePage($"history/ledger/{unit.Id}/", "ledger", unit.Name + "发布登记簿", View(input, unit.Id, units), [.. crumbs, new LinkView("发布登记簿", "history/ledger/")]);
            }
        }
    }

    private static LedgerPageView View(Input input, string? unit, IReadOnlyList<LinkView> units)
    {
        var (site, history) = input;
        var ledger = history.Ledger;
        var names = site.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var titles = history.Titles;
        var repository = site.Settings.Repository;
        var previousCommit = new Dictionary<long, string?>();
        string? last = null;
        foreach (var e in ledger.Entries)
        {
            previousCommit[e.Seq] = last;
            last = e.Commit ?? last;
        }

        string ItemName(LedgerItem i) => titles.GetValueOrDefault(i.Url)
            ?? (site.Units.FirstOrDefault(u => u.Id == i.Unit) is { } u ? site.ItemName(u, i.Item) : i.Item);

        string PeriodName(string period) => Model.Period.TryParse(period, out var p) ? p.ToChinese() : period;

        var entries = ledger.Entries
            .Select(e => (e, items: e.Items.Where(i => unit is null || i.Unit == unit).ToList()))
            .Where(x => x.items.Count > 0)
            .Reverse()
            .Select(x => new LedgerEntryView(
                (int)x.e.Seq,
                x.e.PublishedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                x.e.IsBaseline,
                x.e.Commit is { } c ? c[..Math.Min(12, c.Length)] : null,
                x.e.Hash,
                x.items.Count(i => i.Change == LedgerChange.New),
                x.items.Count(i => i.Change == LedgerChange.Revised),
                x.items.Count(i => i.Change == LedgerChange.Withdrawn),
                x.items.Where(i => !x.e.IsBaseline || i.Change != LedgerChange.New || unit is not null).Take(200).Select(i => new LedgerItemView(
                    i.Url,
                    names.GetValueOrDefault(i.Unit, i.Unit),
                    i.Period,
                    i.Change switch { LedgerChange.New => "新发布", LedgerChange.Revised => "修订", _ => "撤下" },
                    i.Change,
                    i.Revision,
                    i.RevisionNote,
                    i.WithdrawnReason)
                {
                    PeriodName = PeriodName(i.Period),
                    ItemName = ItemName(i),
                }).ToList())
            {
                CommitUrl = repository is not null && x.e.Commit is { } commit ? $"https://github.com/{repository}/commit/{commit}" : null,
                DiffUrl = repository is not null && x.e.Commit is { } to && previousCommit[x.e.Seq] is { } from && from != to
                    ? $"https://github.com/{repository}/compare/{from}...{to}"
                    : null,
            })
            .ToList();
        return new LedgerPageView(unit is null ? null : names.GetValueOrDefault(unit, unit), units, entries, ledger.Entries.Count, SiteContract.LedgerCopyPath);
    }
}
