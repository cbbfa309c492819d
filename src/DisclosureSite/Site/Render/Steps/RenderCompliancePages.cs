using System.Text.Json;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/compliance/</c> (figures per unit, list of periods) and <c>/compliance/{period}/</c> (items × units matrix per
/// level and stream), each with the same data as <c>compliance.csv</c> and <c>compliance.json</c>.
/// </summary>
public sealed class RenderCompliancePages : RenderStep<RenderCompliancePages.Input>
{
    public static readonly string[] CsvHeader = ["unit", "unit_name", "period", "item", "item_name", "deadline", "status", "status_text", "published", "date_source", "days", "urls"];

    /// <summary>
    /// The compliance pages and data list every required-item entry (with the public disclosures it counts) and each
    /// unit's summary (with its 民情台账 figures).
    /// </summary>
    public sealed record Input(SiteFacts Site, ComplianceFacts Compliance, PublicDisclosures Disclosures, RequestFacts Requests);

    public override Input InputOf(SiteData data) => new(data.Site, data.Compliance, data.Disclosures, data.Requests);

    public override void Run(RenderContext context, Input input)
    {
        var (site, compliance, disclosures, _) = input;
        var periods = compliance.Periods;
        var index = new ComplianceIndexView(
            ViewFactory.Counts(compliance.All),
            site.Units.Select(context.Views.UnitSummary).ToList(),
            periods.Select(p => RenderHomePage.PeriodSummary(compliance, p)).ToList(),
            "compliance/compliance.csv",
            "compliance/compliance.json");
        context.WritePage("compliance/", "compliance", "公开情况总览", index, context.Crumbs());

        // Each entry is a row of the whole table and of its period's: made once.
        var rows = new Dictionary<ComplianceEntry, Dictionary<string, object?>>(ReferenceEqualityComparer.Instance);
        foreach (var e in compliance.All)
        {
            rows[e] = Row(site, disclosures, e);
        }

        WriteData(context, site.AsOf, "compliance/", compliance.All, rows);

        Parallel.ForEach(periods, period =>
        {
            var entries = compliance.In(period).ToList();
            var url = $"compliance/{period}/";
            var view = new CompliancePeriodView(period.ToString(), period.ToChinese(), ViewFactory.Counts(entries), Matrices(site, entries), url + "compliance.csv", url + "compliance.json");
            context.WritePage(url, "compliance-period", $"{period.ToChinese()}公开情况", view, context.Crumbs(new LinkView("公开情况", "compliance/")));
            WriteData(context, site.AsOf, url, entries, rows);
        });
    }

    private static List<MatrixView> Matrices(SiteFacts site, List<ComplianceEntry> entries)
    {
        var result = new List<MatrixView>();
        foreach (var stream in site.Rules.Streams)
        {
            var inStream = entries.Where(e => e.Item.StreamId == stream.Id && e.Item.Level == stream.Level).ToList();
            if (inStream.Count == 0)
            {
                continue;
            }

            // The first entry of each (unit, item), as a scan in order would find it.
            var cells = new Dictionary<(string Unit, string Item), ComplianceEntry>();
            foreach (var x in inStream)
            {
                cells.TryAdd((x.Unit.Id, x.Item.Id), x);
            }

            var unitIds = inStream.Select(e => e.Unit.Id).ToHashSet(StringComparer.Ordinal);
            var itemIds = inStream.Select(e => e.Item.Id).ToHashSet(StringComparer.Ordinal);
            var units = site.Units.Where(u => unitIds.Contains(u.Id)).ToList();
            var rows = stream.Items.Where(i => itemIds.Contains(i.Id))
                .Select(item => new MatrixRowView(item.Name, units.Select(u =>
                {
                    var e = cells.GetValueOrDefault((u.Id, item.Id));
                    return e is null
                        ? new MatrixCellView("pending", null, string.Empty, false)
                        : new MatrixCellView(StatusWords.Key(e.Status), e.Days, $"{u.Id}/{e.Period}/", true);
                }).ToList()))
                .ToList();
            result.Add(new MatrixView(
                $"{stream.Level.ToChinese()} · {stream.Name}",
                Dates.Iso(inStream.Min(e => e.Deadline)),
                units.Select(u => new LinkView(u.Name, u.Id + "/")).ToList(),
                rows));
        }

        return result;
    }

    private static void WriteData(RenderContext context, DateOnly asOf, string folder, IEnumerable<ComplianceEntry> entries, Dictionary<ComplianceEntry, Dictionary<string, object?>> rowOf)
    {
        var rows = entries.Select(e => rowOf[e]).ToList();
        context.Output.Write(folder + "compliance.csv", stream => SafeCsv.Write(stream, CsvHeader, rows.Select(static r => r.Values), static v => v?.ToString()));
        context.Output.Write(folder + "compliance.json", stream => SiteJson.Write(stream, new ComplianceJson(Dates.Iso(asOf), rows)));
    }

    /// <summary>A compliance entry as a flat record (CSV column order = <see cref="CsvHeader"/>).</summary>
    public static Dictionary<string, object?> Row(SiteFacts site, PublicDisclosures disclosures, ComplianceEntry e)
    {
        var word = StatusWords.Of(e.Status, e.Days);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["unit"] = e.Unit.Id,
            ["unit_name"] = e.Unit.Name,
            ["period"] = e.Period.ToString(),
            ["item"] = e.Item.Id,
            ["item_name"] = e.Item.Name,
            ["deadline"] = Dates.Iso(e.Deadline),
            ["status"] = word.Key,
            ["status_text"] = word.Text,
            ["published"] = e.IsDisclosed ? LiquidFilters.Iso(e.PublishedOn) : null,
            ["date_source"] = e.IsDisclosed ? SiteJson.DateSource(e.DateSource) : null,
            ["days"] = e.Days?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["urls"] = string.Join(' ', e.Disclosures.Where(disclosures.IsPublic).Select(d => site.Urls.Absolute(d.UrlPath))),
        };
    }
}
