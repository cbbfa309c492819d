using BenchmarkDotNet.Attributes;
using DisclosureSite.Model.PersonalData;

namespace DisclosureSite.Benchmarks;

/// <summary>The personal-data scan (SPEC §8) runs over every body and every cell: clean text is the common case.</summary>
[MemoryDiagnoser]
public class PrivacyBenchmarks
{
    private SampleCorpus _sample = null!;

    [GlobalSetup]
    public void Setup() => _sample = SampleCorpus.Create();

    [GlobalCleanup]
    public void Cleanup() => _sample.Dispose();

    [Benchmark]
    public int Scan_disclosure_markdown() => PersonalDataScanner.Scan(_sample.FinanceMarkdown).Count;

    [Benchmark]
    public int Scan_masked_roster() => PersonalDataScanner.Scan(_sample.RosterCsv).Count;

    [Benchmark]
    public int Scan_text_with_an_unmasked_id_and_mobile() =>
        PersonalDataScanner.Scan("低保户王建国,身份证号 11010519491231002X,联系电话 13812345678,住东山村3组12号。").Count;
}
