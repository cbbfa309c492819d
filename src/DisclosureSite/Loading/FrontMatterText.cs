using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>Splits a Markdown file into its YAML front matter and body, keeping line numbers.</summary>
public static class FrontMatterText
{
    /// <summary>The YAML between the <c>---</c> fences (its first line is line 2 of the file) and the body with its first line.</summary>
    public sealed record Parts(string Yaml, string Body, int BodyLine);

    public static Parts? Split(string text, string file, FindingSink sink, string? unit = null, string? period = null)
    {
        if (text.Trim().Length == 0)
        {
            sink.Report(FindingCodes.MissingField, new SourceRef(file, 1, 1), Messages.EmptyMarkdown(), unit, period);
            return null;
        }

        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            sink.Report(FindingCodes.MissingField, new SourceRef(file, 1, 1), Messages.NoFrontMatter(), unit, period);
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var l = lines[i].TrimEnd();
            if (l is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : string.Empty;
                return new Parts(yaml, body, i + 2);
            }
        }

        sink.Report(FindingCodes.Syntax, new SourceRef(file, 1, 1), Messages.UnterminatedFrontMatter(), unit, period);
        return null;
    }
}
