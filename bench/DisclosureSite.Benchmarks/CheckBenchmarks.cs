using BenchmarkDotNet.Attributes;
using DisclosureSite.Loading;
using DisclosureSite.Validation;

namespace DisclosureSite.Benchmarks;

/// <summary>Load + validate a 20-village, 2-year corpus end to end: the core of <c>disclosure check</c>.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private SampleCorpus _sample = null!;

    [GlobalSetup]
    public void Setup() => _sample = SampleCorpus.Create(villages: 20, years: 2);

    [GlobalCleanup]
    public void Cleanup() => _sample.Dispose();

    [Benchmark]
    public int Load_and_check() => Validator.Check(InputLoader.Load(_sample.Input), new DateOnly(2026, 11, 24)).Findings.Count;
}
