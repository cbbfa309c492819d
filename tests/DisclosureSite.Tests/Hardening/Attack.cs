using DisclosureSite.Tests.Publishing;

namespace DisclosureSite.Tests.Hardening;

/// <summary>A throw-away folder with a small valid site in <c>input/</c>, for attacking the tool (issue 12).</summary>
internal sealed class Attack : IDisposable
{
    public Attack()
    {
        Root = TestSites.TempDir("ds-attack");
        Input = TestSites.WriteSmallSite(System.IO.Path.Combine(Root, "input"));
    }

    public string Root { get; }

    public string Input { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Write(string relative, string text) => TestSites.Write(Root, relative, text);

    public void WriteBytes(string relative, byte[] bytes)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>A disclosure of 东山村 for 2026-Q3 with the given extra front matter and body.</summary>
    public string WriteDisclosure(string slug, string frontMatter, string body = "本季度收支情况如下。\n", string item = "village.finance")
    {
        var relative = $"input/disclosures/dongshan/2026-Q3/{slug}.md";
        Write(relative, $"---\nitem: {item}\npublished: 2026-10-10\n{frontMatter}---\n{body}");
        return relative;
    }

    /// <summary>
    /// Runs the CLI with <see cref="Root"/> as its working directory (relative paths resolve there), given to the CLI
    /// rather than set on the process: fixtures that attack run in parallel with the rest.
    /// </summary>
    public CliRun Run(params string[] args) => TestSites.Run(args, workingDirectory: Root);

    /// <summary>Runs the corpus generator (tools/DisclosureSite.Corpus) as <see cref="Run"/> runs the CLI.</summary>
    public CliRun Corpus(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = DisclosureSite.Corpus.CorpusProgram.Run(args, output, error, workingDirectory: Root);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public CliRun Build(string output = "_site", params string[] more) =>
        Run(["build", "--input", "input", "--output", output, "--as-of", "2026-11-24", "--no-search", .. more]);

    public CliRun Check(params string[] more) => Run(["check", "--input", "input", "--as-of", "2026-11-24", "--format", "json", .. more]);

    public void Dispose() => TestSites.DeleteDir(Root);
}
