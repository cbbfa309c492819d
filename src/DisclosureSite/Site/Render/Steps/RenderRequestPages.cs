using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/{unit}/requests/</c>: a unit's 民情台账 — overdue matters first, then the others still open (nearest limit first),
/// then handled ones, latest first, with their result and 回访 — and its A4 print view <c>/{unit}/requests/print.html</c>
/// for the notice board, with a QR code to the page.
/// </summary>
public sealed class RenderRequestPages : RenderStep<RenderRequestPages.Input>
{
    /// <summary>The 民情台账 pages list each unit's matters, and each told result with the ledger's records of it.</summary>
    public sealed record Input(SiteFacts Site, RequestFacts Requests);

    public override Input InputOf(SiteData data) => new(data.Site, data.Requests);

    public override void Run(RenderContext context, Input input)
    {
        var (site, requests) = input;
        Parallel.ForEach(requests.Logs, log =>
        {
            var unit = site.UnitOf(log.Unit);
            var view = ViewOf(context, site, unit, log);
            var crumbs = context.Crumbs(new LinkView(unit.Name, unit.Id + "/"));
            context.WritePage(view.Url, "requests", $"{unit.Name}民情台账", view, crumbs, feedUrl: unit.Id + "/feed.xml");

            var absolute = site.Urls.Absolute(view.Url);
            var print = view with { PageUrl = absolute };
            context.WritePage(view.PrintUrl, "print-requests", $"{unit.Name}民情台账（打印版）", print, () => print with { QrSvg = QrSvg.ForPage(absolute) }, crumbs, layout: "print-base");

            var listCrumbs = context.Crumbs(new LinkView(unit.Name, unit.Id + "/"), new LinkView("民情台账", view.Url));
            foreach (var m in log.Matters.Where(m => m.IsToldOn(site.AsOf)))
            {
                var page = PageOf(context, requests, unit, m);
                context.WritePage(m.PageUrl, "request", $"{unit.Name}民情台账第 {m.Number} 号", page, listCrumbs, [new MetaView("disclosure:content-sha256", page.ContentSha256)]);
            }
        });
    }

    /// <summary>The page of a told result: the matter, when its result was first recorded and where that date comes from, and its records.</summary>
    public static RequestPageView PageOf(RenderContext context, RequestFacts requests, Unit unit, RequestMatter m)
    {
        var history = requests.RecordsOf(m);
        var (toldOn, source) = requests.ToldOn(m);
        return new RequestPageView(
            unit.Name,
            unit.Id + "/",
            ViewFactory.RequestsUrl(unit.Id),
            context.Views.Request(m),
            Dates.Iso(toldOn),
            Messages.DateSourceChinese(source),
            history.Select(r => new RequestRecordView(r.Entry.Seq, Dates.Iso(r.Entry.PublishedOn), r.Item.Change, r.Item.RevisionNote)).ToList(),
            m.ContentSha256);
    }

    public static RequestsView ViewOf(RenderContext context, SiteFacts site, Unit unit, RequestLog log)
    {
        var asOf = site.AsOf;
        var matters = log.Matters.Where(m => m.Received <= asOf).ToList();
        var open = matters.Where(m => !m.IsClosed || m.Closed > asOf)
            .OrderByDescending(m => m.IsOverdueOn(asOf))
            .ThenBy(m => m.Due)
            .ThenBy(m => m.Number, StringComparer.Ordinal)
            .Select(context.Views.Request)
            .ToList();
        var closed = matters.Where(m => m.IsClosed && m.Closed <= asOf)
            .OrderByDescending(m => m.Closed)
            .ThenByDescending(m => m.Number, StringComparer.Ordinal)
            .Select(context.Views.Request)
            .ToList();
        var url = ViewFactory.RequestsUrl(unit.Id);
        return new RequestsView(
            unit.Id,
            unit.Name,
            unit.Id + "/",
            url,
            ViewFactory.Figures(null, RequestFigures.Of(matters, asOf)),
            open,
            closed,
            Limits(site.Rules.Requests),
            url + "print.html",
            null,
            null);
    }

    /// <summary>"一般事项 15 天，代办 7 天": the limits a villager can expect, from the preset and the site's overrides.</summary>
    public static string Limits(RequestRules rules)
    {
        var special = rules.Categories.Where(c => rules.CategoryDays.TryGetValue(c, out var d) && d != rules.DefaultDays)
            .Select(c => $"{c} {rules.CategoryDays[c]} 天");
        return string.Join("，", new[] { $"一般事项 {rules.DefaultDays} 天" }.Concat(special));
    }
}
