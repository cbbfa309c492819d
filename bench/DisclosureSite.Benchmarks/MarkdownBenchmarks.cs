using BenchmarkDotNet.Attributes;
using Markdig;

namespace DisclosureSite.Benchmarks;

/// <summary>Markdown → HTML of one disclosure body, with the pipeline reused (as a build does) and built per call (as it must not).</summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private SampleCorpus _sample = null!;
    private string _body = string.Empty;
    private MarkdownPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sample = SampleCorpus.Create();
        var md = _sample.FinanceMarkdown;
        _body = md[(md.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        _pipeline = Pipeline();
    }

    [GlobalCleanup]
    public void Cleanup() => _sample.Dispose();

    // Raw HTML is not allowed through (SPEC §4); pipe tables for bodies that carry small tables.
    private static MarkdownPipeline Pipeline() => new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    [Benchmark(Baseline = true)]
    public string Render_body_with_a_shared_pipeline() => Markdown.ToHtml(_body, _pipeline);

    [Benchmark]
    public string Render_body_building_the_pipeline_each_time() => Markdown.ToHtml(_body, Pipeline());
}
