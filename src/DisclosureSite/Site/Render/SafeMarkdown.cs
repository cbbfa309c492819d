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
        if (PlainParagraphs(markdown) is { } plain)
        {
            return plain;
        }

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

    /// <summary>
    /// Most bodies are paragraphs of plain prose — Chinese text, digits, a few ASCII signs that mean nothing to Markdown:
    /// their HTML is what Markdig writes for them (<c>&lt;p&gt;</c>, the paragraph's lines joined by a line feed,
    /// <c>&lt;/p&gt;</c> and a line feed), made here without Markdig's parse and syntax tree, ~6 % of a clean build's
    /// time at 10 villages (docs/performance.md, "Point 1, fourteenth round"). Null for anything else — a character that
    /// Markdown or HTML could read (<c>\ ` * _ [ ] ! &lt; &gt; &amp; ~ ^ + = | # " '</c>), a control character, a line
    /// that starts with a space or an ASCII sign or a list number (<c>1.</c>, <c>1)</c>), or ends with a space — which
    /// Markdig renders. A property test holds the two equal.
    /// </summary>
    internal static string? PlainParagraphs(string markdown)
    {
        var text = markdown.AsSpan();
        if (text.ContainsAny(MarkdownSigns))
        {
            return null;
        }

        var html = new System.Text.StringBuilder(markdown.Length + 64);
        var inParagraph = false;
        while (true)
        {
            var end = text.IndexOf('\n');
            var line = end < 0 ? text : text[..end];
            if (line.IsEmpty || line.IndexOfAnyExcept(' ') < 0)
            {
                if (inParagraph)
                {
                    html.Append("</p>\n");
                    inParagraph = false;
                }
            }
            else
            {
                if (!IsPlainLine(line))
                {
                    return null;
                }

                html.Append(inParagraph ? "\n" : "<p>").Append(line);
                inParagraph = true;
            }

            if (end < 0)
            {
                break;
            }

            text = text[(end + 1)..];
        }

        if (inParagraph)
        {
            html.Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>A paragraph's line that Markdig takes as it is: it starts with a letter, a digit not opening a list item or a non-ASCII character, and does not end in a space.</summary>
    private static bool IsPlainLine(ReadOnlySpan<char> line)
    {
        if (line[^1] == ' ')
        {
            return false;
        }

        var first = line[0];
        if (first >= 0x80)
        {
            // Markdig strips and counts only ASCII spaces: a line indented with full-width spaces (U+3000), as Chinese
            // text often is, stays as it is.
            return true;
        }

        if (char.IsAsciiDigit(first))
        {
            var digits = line.IndexOfAnyExceptInRange('0', '9');
            return digits < 0 || line[digits] is not ('.' or ')');
        }

        return char.IsAsciiLetter(first);
    }

    /// <summary>What makes text more than plain prose to Markdig with this site's extensions (and every control character but the line feed).</summary>
    private static readonly System.Buffers.SearchValues<char> MarkdownSigns = System.Buffers.SearchValues.Create(
        "\\`*_[]!<>&~^+=|#\"'\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f");

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
