using System.Text;

namespace DisclosureSite.Corpus;

/// <summary>
/// The Hugo twin of a generated corpus, for the side-by-side benchmark: the same items as
/// <c>content/&lt;unit&gt;/&lt;period&gt;/&lt;slug&gt;.md</c> (same body, tables as Markdown), unit and period
/// section pages, and minimal layouts comparable to ours (base, item, list, home; no taxonomies).
/// </summary>
internal static class HugoSite
{
    public static void WriteSkeleton(CorpusOutput hugo, string siteName, string baseUrl, string hotline)
    {
        hugo.Write("hugo.toml", $"""
            baseURL = "{baseUrl}"
            languageCode = "zh-CN"
            defaultContentLanguage = "zh"
            title = "{siteName}"
            disablePathToLower = true
            disableKinds = ["taxonomy", "term"]
            enableRobotsTXT = false
            rssLimit = 50

            [params]
            hotline = "{hotline}"

            [markup.goldmark.renderer]
            unsafe = false

            """);
        hugo.Write("layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} · {{ .Site.Title }}</title>
            <link rel="stylesheet" href="{{ "site.css" | relURL }}">
            </head>
            <body>
            <a class="skip" href="#main">跳到正文</a>
            <header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
            <nav aria-label="位置"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li aria-current="page">{{ .Title }}</li></ol></nav>
            <main id="main">{{ block "main" . }}{{ end }}</main>
            <footer><p>监督投诉电话:{{ .Site.Params.hotline }}</p></footer>
            </body>
            </html>

            """);
        hugo.Write("layouts/_default/single.html", """
            {{ define "main" }}
            <article>
            <h1>{{ .Title }}</h1>
            <p class="meta"><span class="badge">{{ .Params.status }}</span> {{ .Params.unit }} · {{ .Params.period }} · 公开日期 <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>(自行填报)</p>
            {{ with .Params.nil }}<p class="nil">本期无此事项:{{ . }}</p>{{ end }}
            {{ .Content }}
            </article>
            {{ end }}

            """);
        hugo.Write("layouts/_default/list.html", """
            {{ define "main" }}
            <h1>{{ .Title }}</h1>
            {{ .Content }}
            {{ with .Sections }}<h2>期次</h2><ul class="periods">{{ range .ByTitle.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }} 项)</li>{{ end }}</ul>{{ end }}
            {{ with .RegularPages }}<h2>公开事项</h2><ul class="items">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="badge">{{ .Params.status }}</span> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>{{ end }}
            {{ end }}

            """);
        hugo.Write("layouts/index.html", """
            {{ define "main" }}
            <h1>{{ .Site.Title }}</h1>
            {{ .Content }}
            <h2>最新公开</h2>
            <ul class="items">{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.unit }} <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
            <h2>村(社区)</h2>
            <ul class="units">{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            {{ end }}

            """);
        hugo.Write("static/site.css", """
            body{font:18px/1.7 system-ui,"Noto Sans CJK SC",sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem;color:#111}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.2rem .4rem}
            .badge{border:1px solid;padding:0 .3rem}.skip{position:absolute;left:-999px}.skip:focus{left:0}

            """);
    }

    public static string FrontMatter(string title, DateOnly? date, IEnumerable<(string Key, string Value)> fields)
    {
        var sb = new StringBuilder(256);
        sb.Append("---\ntitle: ").Append(Quote(title)).Append('\n');
        if (date is { } d)
        {
            sb.Append("date: ").Append(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var (key, value) in fields)
        {
            sb.Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }

        return sb.Append("---\n").ToString();
    }

    /// <summary>A Markdown table from a header and rows (cells never contain <c>|</c> in generated data).</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder(1024);
        sb.Append("| ").AppendJoin(" | ", header).Append(" |\n|");
        foreach (var _ in header)
        {
            sb.Append(" --- |");
        }

        sb.Append('\n');
        foreach (var r in rows)
        {
            sb.Append("| ").AppendJoin(" | ", r).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
