using System.Text;
using System.Xml;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// Atom feeds of the latest disclosures and 民情台账 matters (反映人 masked; a matter is dated when its result was told, or
/// when it was received while it is open): <c>/feed.xml</c> for the site and <c>/{unit}/feed.xml</c> per unit.
/// </summary>
public sealed class RenderFeeds : RenderStep<RenderFeeds.Input>
{
    public const int EntryCount = 50;

    /// <summary>The feeds list the latest public disclosures and 民情台账 matters, the site's and each unit's.</summary>
    public sealed record Input(SiteFacts Site, PublicDisclosures Disclosures, RequestFacts Requests);

    public override Input InputOf(SiteData data) => new(data.Site, data.Disclosures, data.Requests);

    public override void Run(RenderContext context, Input input)
    {
        var (site, disclosures, requests) = input;
        var matters = requests.Matters.Where(m => m.Received <= site.AsOf).ToList();
        Write(context, input, "feed.xml", site.Settings.Name, disclosures.Current, matters);
        foreach (var unit in site.Units)
        {
            Write(context, input, unit.Id + "/feed.xml", $"{unit.Name} · {site.Settings.Name}", disclosures.Of(unit.Id).Where(d => !disclosures.IsWithdrawn(d)), requests.Of(unit.Id)?.Matters.Where(m => m.Received <= site.AsOf) ?? []);
        }
    }

    /// <summary>An entry of a feed: a disclosure, or a 民情台账 matter (dated when its result was told, or when it was received).</summary>
    private sealed record FeedEntry(string Title, string Id, string Url, DateOnly Date, string Summary);

    private static FeedEntry Entry(SiteFacts site, RequestMatter m)
    {
        var unit = site.UnitOf(m.Unit);
        var (status, days) = StatusWords.Of(m, site.AsOf);
        var url = site.Urls.Absolute(m.IsToldOn(site.AsOf) ? m.PageUrl : ViewFactory.RequestsUrl(m.Unit) + "#r-" + m.Anchor);
        var told = m.IsClosed && m.Closed is { } c && c <= site.AsOf ? c : m.Received;
        var summary = m.Result is { } r && m.IsClosed ? $"{StatusWords.Of(status, days).Text}：{r}" : StatusWords.Of(status, days).Text;
        return new FeedEntry($"{unit.Name}民情台账 第 {m.Number} 号：{m.Subject}", url, url, told, $"{m.Category} · 反映人 {m.Requester} · {summary}");
    }

    private static void Write(RenderContext context, Input input, string path, string title, IEnumerable<Disclosure> disclosures, IEnumerable<RequestMatter> matters)
    {
        var site = input.Site;
        var zone = SiteClock.Zone(site.Settings.TimeZone);
        var entries = disclosures
            .Select(d =>
            {
                var unit = site.UnitOf(d.Unit);
                var url = site.Urls.Absolute(d.UrlPath);
                return new FeedEntry(d.Title, url, url, input.Disclosures.Published(d).Date ?? site.AsOf, $"{unit.Name} · {d.Period.ToChinese()} · {site.ItemName(unit, d.Item)}");
            })
            .Concat(matters.Select(m => Entry(site, m)))
            .OrderByDescending(x => x.Date)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(EntryCount)
            .ToList();
        string Stamp(DateOnly date) =>
            SiteClock.StartOf(date, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("title", ns, title);
            xml.WriteElementString("id", ns, site.Urls.Absolute(path));
            xml.WriteElementString("updated", ns, Stamp(entries.Count > 0 ? entries.Max(e => e.Date) : site.AsOf));
            Link(xml, ns, "self", site.Urls.Absolute(path));
            Link(xml, ns, "alternate", site.Urls.Absolute(path.EndsWith("/feed.xml", StringComparison.Ordinal) ? path[..^"feed.xml".Length] : string.Empty));
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, site.Settings.Name);
            xml.WriteEndElement();
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, e.Title);
                xml.WriteElementString("id", ns, e.Id);
                xml.WriteElementString("updated", ns, Stamp(e.Date));
                xml.WriteElementString("published", ns, Stamp(e.Date));
                Link(xml, ns, "alternate", e.Url);
                xml.WriteElementString("summary", ns, e.Summary);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // StringBuilder output says utf-16 in the declaration; the file is UTF-8.
        context.Output.WriteText(path, sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n");
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
