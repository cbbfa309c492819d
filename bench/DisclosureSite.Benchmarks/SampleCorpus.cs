using DisclosureSite.Corpus;

namespace DisclosureSite.Benchmarks;

/// <summary>Representative inputs, taken from a small generated corpus (seed 1) so the benchmarks measure real-shaped data.</summary>
public sealed class SampleCorpus : IDisposable
{
    private SampleCorpus(string root) => Root = root;

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    /// <summary>A village finance item: ~400 Chinese characters of Markdown with front matter.</summary>
    public string FinanceMarkdown { get; private set; } = string.Empty;

    /// <summary>Its 20-row ledger CSV with the 合计 row.</summary>
    public string LedgerCsv { get; private set; } = string.Empty;

    /// <summary>A welfare roster CSV with masked names and ID numbers.</summary>
    public string RosterCsv { get; private set; } = string.Empty;

    public static SampleCorpus Create(int villages = 5, int years = 1)
    {
        var root = Directory.CreateTempSubdirectory("disclosure-bench-").FullName;
        var sample = new SampleCorpus(root);
        CorpusGenerator.Generate(new CorpusOptions(villages, years, 1, sample.Input));
        var finance = Directory.EnumerateFiles(Path.Combine(sample.Input, "disclosures"), "finance.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        sample.FinanceMarkdown = File.ReadAllText(finance);
        sample.LedgerCsv = File.ReadAllText(Path.Combine(Path.GetDirectoryName(finance)!, "finance-ledger.csv"));
        sample.RosterCsv = File.ReadAllText(Path.Combine(Path.GetDirectoryName(finance)!, "welfare-roster.csv"));
        return sample;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
