using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DisclosureSite.Site.Render;

/// <summary>
/// Markdown from clerks is untrusted input. Raw HTML is disabled (it is shown as text), links and images may only
/// use http, https, mailto, tel or relative addresses — <c>javascript:</c>, <c>vbscript:</c>, <c>data:</c> and any
/// other scheme become inert — and headings move one level down because the page already has its h1.
/// </summary>
public static partial class SafeMarkdown
{
    private static MarkdownPipeline Pipeline => Loading.MarkdownBody.Pipeline;

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
                link.Title = "已屏蔽不安全的链接";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>True for a URL without a scheme (relative) or with an allowed one; browsers ignore tabs, newlines and leading spaces, so do we.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var match = SchemePattern().Match(compact);
        return !match.Success || AllowedSchemes.Contains(match.Groups[1].Value.ToLowerInvariant());
    }

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex SchemePattern();
}
