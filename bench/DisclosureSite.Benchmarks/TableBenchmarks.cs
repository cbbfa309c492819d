using BenchmarkDotNet.Attributes;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Benchmarks;

/// <summary>Reading tables: CSV parsing of a 20-row ledger and amount parsing of its cells.</summary>
[MemoryDiagnoser]
public class TableBenchmarks
{
    private SampleCorpus _sample = null!;
    private string[] _amounts = [];

    [GlobalSetup]
    public void Setup()
    {
        _sample = SampleCorpus.Create();
        _amounts = [.. _sample.LedgerCsv.Split('\n').Skip(1).SelectMany(l => l.Split(',').Skip(3).Take(2)).Where(c => c.Length > 0),
            "1,234.50", "１２３４.５", "¥1234.5", "(1,234.00)"];
    }

    [GlobalCleanup]
    public void Cleanup() => _sample.Dispose();

    [Benchmark]
    public int Parse_ledger_csv() => CsvText.Parse(_sample.LedgerCsv, "finance-ledger.csv", new FindingSink())?.Rows.Count ?? -1;

    [Benchmark]
    public decimal Parse_ledger_amounts()
    {
        var sum = 0m;
        foreach (var a in _amounts)
        {
            if (Amount.TryParse(a, out var v))
            {
                sum += v;
            }
        }

        return sum;
    }
}
