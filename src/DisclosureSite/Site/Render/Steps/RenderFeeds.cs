using System.Text;
using System.Xml;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>Atom feeds of the latest disclosures: <c>/feed.xml</c> for the site and <c>/{unit}/feed.xml</c> per unit.</summary>
public sealed class RenderFeeds : IRenderStep
{
    public const int EntryCount = 50;

    public void Run(RenderContext context)
    {
        var data = context.Data;
        Write(context, "feed.xml", data.Input.Settings.Name, data.Current);
        foreach (var unit in data.Units)
        {
            Write(context, unit.Id + "/feed.xml", $"{unit.Name} · {data.Input.Settings.Name}", data.PublicOf(unit.Id).Where(d => !data.IsWithdrawn(d)));
        }
    }

    private static void Write(RenderContext context, string path, string title, IEnumerable<Disclosure> disclosures)
    {
        var data = context.Data;
        var zone = SiteClock.Zone(data.Input.Settings.TimeZone);
        var entries = disclosures
            .Select(d => (d, date: data.Published(d).Date ?? data.AsOf))
            .OrderByDescending(x => x.date)
            .ThenBy(x => x.d.UrlPath, StringComparer.Ordinal)
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
            xml.WriteElementString("id", ns, data.Urls.Absolute(path));
            xml.WriteElementString("updated", ns, Stamp(entries.Count > 0 ? entries.Max(e => e.date) : data.AsOf));
            Link(xml, ns, "self", data.Urls.Absolute(path));
            Link(xml, ns, "alternate", data.Urls.Absolute(path.EndsWith("/feed.xml", StringComparison.Ordinal) ? path[..^"feed.xml".Length] : string.Empty));
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, data.Input.Settings.Name);
            xml.WriteEndElement();
            foreach (var (d, date) in entries)
            {
                var unit = data.UnitOf(d.Unit);
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, d.Title);
                xml.WriteElementString("id", ns, data.Urls.Absolute(d.UrlPath));
                xml.WriteElementString("updated", ns, Stamp(date));
                xml.WriteElementString("published", ns, Stamp(date));
                Link(xml, ns, "alternate", data.Urls.Absolute(d.UrlPath));
                xml.WriteElementString("summary", ns, $"{unit.Name} · {d.Period.ToChinese()} · {data.ItemName(unit, d.Item)}");
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
