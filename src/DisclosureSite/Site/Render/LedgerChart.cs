using System.Globalization;
using System.Net;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Site.Render;

/// <summary>
/// A ledger's bar chart drawn at build time as inline SVG (no chart library in the browser): opening balance,
/// income, expense and closing balance as horizontal bars, each labelled with its amount in text, so the chart
/// says the same in words to a screen reader and in black and white on paper.
/// </summary>
// Our own SVG, not a chart library: four labelled bars, drawn at build time, no script in the page.
public static class LedgerChart
{
    private const int Width = 640;
    private const int LabelWidth = 150;
    private const int BarHeight = 34;
    private const int Gap = 14;

    public static string Of(decimal? opening, decimal income, decimal expense, decimal? closing)
    {
        var bars = new List<(string Label, decimal Value, string Css)>();
        if (opening is { } o)
        {
            bars.Add(("期初结余", o, "bal"));
        }

        bars.Add(("收入合计", income, "inc"));
        bars.Add(("支出合计", expense, "exp"));
        if (closing is { } c)
        {
            bars.Add(("期末结余", c, "bal"));
        }

        var max = Math.Max(1m, bars.Max(b => Math.Abs(b.Value)));
        var height = (bars.Count * (BarHeight + Gap)) + Gap;
        var summary = string.Join("，", bars.Select(b => $"{b.Label} {Amount.Format(b.Value)} 元"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"收支图：{WebUtility.HtmlEncode(summary)}\">");
        var y = Gap;
        const int room = Width - LabelWidth - 10;
        foreach (var (label, value, css) in bars)
        {
            var w = (int)Math.Round(Math.Abs(value) / max * (room * 0.62m));
            var text = Amount.Format(value);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 23}\" class=\"l\">{label}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(w, 2)}\" height=\"{BarHeight}\" class=\"{css}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(w, 2) + 8}\" y=\"{y + 23}\" class=\"v\">{text}</text>");
            y += BarHeight + Gap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
