using DisclosureSite.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Loading;

/// <summary>Parses YAML into nodes that keep their line and column; syntax errors become findings.</summary>
public static class YamlText
{
    /// <summary>Parses one YAML document. <paramref name="lineOffset"/> shifts line numbers (front matter starts on line 2).</summary>
    public static YamlNode? Parse(string text, string file, FindingSink sink, int lineOffset = 0)
    {
        var tab = FindIndentingTab(text);
        if (tab is { } t)
        {
            sink.Report(FindingCodes.Syntax, new SourceRef(file, t.Line + lineOffset, t.Column), Messages.YamlTab());
            return null;
        }

        try
        {
            var stream = new YamlStream();
            if (PlainYaml.TryParse(text) is { } plain)
            {
                stream.Load(plain);
            }
            else
            {
                stream.Load(new StringReader(text));
            }

            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + lineOffset;
            var duplicate = e.InnerException is ArgumentException || e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            sink.Report(
                duplicate ? FindingCodes.Duplicate : FindingCodes.Syntax,
                new SourceRef(file, Math.Max(1, line), Math.Max(1, (int)e.Start.Column)),
                duplicate ? Messages.YamlDuplicateKey() : Messages.YamlSyntax(e.Message));
            return null;
        }
        catch (ArgumentException)
        {
            sink.Report(FindingCodes.Duplicate, new SourceRef(file, 1 + lineOffset), Messages.YamlDuplicateKey());
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner can fail this way at the end of an unterminated flow collection.
            sink.Report(FindingCodes.Syntax, new SourceRef(file, Math.Max(1, text.Split('\n').Length + lineOffset), 1), Messages.YamlSyntax(e.Message));
            return null;
        }
    }

    /// <summary>A tab used for indentation: YAML forbids it, and editors hide it, so say it plainly.</summary>
    private static (int Line, int Column)? FindIndentingTab(string text)
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c == '\t')
            {
                return (line, column);
            }

            if (c != ' ')
            {
                atLineStart = false;
            }

            column++;
        }

        return null;
    }

    public static SourceRef At(this YamlNode node, string file, int lineOffset = 0) =>
        new(file, (int)node.Start.Line + lineOffset, (int)node.Start.Column);
}
