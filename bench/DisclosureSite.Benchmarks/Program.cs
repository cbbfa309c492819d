using BenchmarkDotNet.Running;

namespace DisclosureSite.Benchmarks;

/// <summary>
/// Hot paths of a build (issue 8): <c>dotnet run -c Release --project bench/DisclosureSite.Benchmarks -- --filter '*'</c>.
/// Figures go to docs/performance.md, never into test assertions.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
