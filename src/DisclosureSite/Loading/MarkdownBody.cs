using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DisclosureSite.Loading;

/// <summary>
/// The Markdown dialect of disclosure bodies and commitments (raw HTML off, pipe tables, emphasis extras) — the one
/// pipeline the site renders with — and the load-time check that a body can be rendered: nesting deeper than
/// <see cref="Model.InputLimits.MaxMarkdownDepth"/> is <c>input.too-large</c>, so whatever <c>check</c> accepts,
/// the renderer (whose own depth limit throws) renders.
/// </summary>
public static class MarkdownBody
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    /// <summary>False, with a finding at the body's first line, when the body nests too deeply to be rendered.</summary>
    public static bool Admit(string body, string file, int bodyLine, FindingSink sink, string? unit = null, string? period = null, string? item = null)
    {
        if (Depth(body) <= Model.InputLimits.MaxMarkdownDepth)
        {
            return true;
        }

        sink.Report(Model.FindingCodes.TooLarge, new Model.SourceRef(file, bodyLine), Model.Messages.MarkdownTooDeep(Model.InputLimits.MaxMarkdownDepth), unit, period, item);
        return false;
    }

    /// <summary>The deepest nesting of blocks and inlines in <paramref name="markdown"/>; <see cref="int.MaxValue"/> when Markdig refuses it.</summary>
    public static int Depth(string markdown)
    {
        // Only text with many nesting characters can be deep: skip the parse for the rest (almost every body).
        if (CountNesting(markdown) <= Model.InputLimits.MaxMarkdownDepth)
        {
            return 0;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Markdig's own depth limit.
            return int.MaxValue;
        }

        var deepest = 0;
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        stack.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    foreach (var child in inlines)
                    {
                        stack.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return deepest;
    }

    /// <summary>
    /// An upper bound of the nesting, in one pass: block containers nest by a line's prefix (quote marks, list markers,
    /// indentation), inline containers by their openers anywhere in the text.
    /// </summary>
    private static int CountNesting(string markdown)
    {
        var inline = 0;
        var deepestPrefix = 0;
        var prefix = 0;
        var inPrefix = true;
        foreach (var c in markdown)
        {
            // A lone carriage return ends a line for Markdig too (CommonMark line endings): found by the fuzz test.
            if (c is '\n' or '\r')
            {
                deepestPrefix = Math.Max(deepestPrefix, prefix);
                prefix = 0;
                inPrefix = true;
                continue;
            }

            if (inPrefix && c is '>' or '-' or '*' or '+' or ' ' or '\t' or '.' or ')' or (>= '0' and <= '9'))
            {
                prefix++;
            }
            else
            {
                inPrefix = false;
            }

            if (c is '[' or '*' or '_' or '~' or '=' or '^' or '`' or '!' or '<' or '+' or '"')
            {
                inline++;
            }
        }

        return Math.Max(deepestPrefix, prefix) + inline;
    }
}
