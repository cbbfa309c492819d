using System.Diagnostics;

namespace DisclosureSite.Diagnostics;

/// <summary>
/// Wall time per phase of a command (load, validate, render, write …), printed to standard error when the
/// environment variable <c>DISCLOSURE_TIMINGS=1</c> is set, so a slow build can be profiled without tools.
/// The first line is the start-up: the time from the process's start to the command's first line of work
/// (runtime start, assembly loading, JIT of the entry path), and how many assemblies are loaded by then.
/// </summary>
public sealed class PhaseTimer
{
    public const string Variable = "DISCLOSURE_TIMINGS";

    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _phase = Stopwatch.StartNew();
    private readonly TextWriter? _out;

    public PhaseTimer(TextWriter error)
    {
        _out = Enabled ? error : null;
        if (_out is not null)
        {
            // Read the clock first: looking the process up costs time of its own, which is not start-up.
            var now = DateTime.Now;
            var started = Process.GetCurrentProcess().StartTime;
            _out.WriteLine($"[timing] {"start-up",-12} {(now - started).TotalMilliseconds,8:F0} ms   (process start → first line of work, {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded)");
        }
    }

    /// <summary>
    /// The collector's largest first-generation budget (what <c>GCgen0size</c> sets: the native binary embeds one). Fixed
    /// for the process: read at the first lap, not at every one, and not at start-up when no timings are asked for.
    /// </summary>
    private static string FirstGeneration => _firstGeneration ??=
        GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var size) ? $"{Convert.ToInt64(size, System.Globalization.CultureInfo.InvariantCulture) / 1048576} MiB" : "?";

    private static string? _firstGeneration;

    /// <summary>Whether <c>DISCLOSURE_TIMINGS</c> asks for the phase times.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) is "1" or "true";

    /// <summary>Ends the current phase under <paramref name="name"/> and starts the next.</summary>
    public void Lap(string name)
    {
        _out?.WriteLine($"[timing] {name,-12} {_phase.Elapsed.TotalMilliseconds,8:F0} ms   (total {_total.Elapsed.TotalMilliseconds:F0} ms, GC heap {GC.GetTotalMemory(false) / 1048576} MiB, collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods jitted in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, {GC.GetTotalAllocatedBytes() / 1048576} MiB allocated, GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, collector {System.Runtime.GCSettings.LatencyMode}, first generation {FirstGeneration})");
        _phase.Restart();
    }
}
