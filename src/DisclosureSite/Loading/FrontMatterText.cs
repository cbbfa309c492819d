using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>Splits a Markdown file into its YAML front matter and body, keeping line numbers.</summary>
public static class FrontMatterText
{
    /// <summary>The YAML between the <c>---</c> fences (its first line is line 2 of the file) and the body with its first line.</summary>
    public sealed record Parts(string Yaml, string Body, int BodyLine);

    public static Parts? Split(string text, string file, FindingSink sink, string? unit = null, string? period = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            sink.Report(FindingCodes.MissingField, new SourceRef(file, 1, 1), Messages.EmptyMarkdown(), unit, period);
            return null;
        }

        // Line by line over the text itself (every disclosure is split on every clean build): only the two parts are copied.
        var firstEnd = text.IndexOf('\n');
        if (!(firstEnd < 0 ? text.AsSpan() : text.AsSpan(0, firstEnd)).TrimEnd().SequenceEqual("---"))
        {
            sink.Report(FindingCodes.MissingField, new SourceRef(file, 1, 1), Messages.NoFrontMatter(), unit, period);
            return null;
        }

        var yamlStart = firstEnd + 1;
        for (var (i, lineStart) = (1, yamlStart); firstEnd >= 0; i++)
        {
            var end = text.IndexOf('\n', lineStart);
            var line = text.AsSpan(lineStart, (end < 0 ? text.Length : end) - lineStart).TrimEnd();
            if (line is "---" or "...")
            {
                var yaml = lineStart == yamlStart ? string.Empty : text[yamlStart..(lineStart - 1)];
                var body = end < 0 ? string.Empty : text[(end + 1)..];
                return new Parts(yaml, body, i + 2);
            }

            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
        }

        sink.Report(FindingCodes.Syntax, new SourceRef(file, 1, 1), Messages.UnterminatedFrontMatter(), unit, period);
        return null;
    }
}
