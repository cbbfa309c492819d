using System.Diagnostics;

namespace DisclosureSite.Diagnostics;

/// <summary>
/// Wall time per phase of a command (load, validate, render, write …), printed to standard error when the
/// environment variable <c>DISCLOSURE_TIMINGS=1</c> is set, so a slow build can be profiled without tools.
/// </summary>
public sealed class PhaseTimer
{
    public const string Variable = "DISCLOSURE_TIMINGS";

    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _phase = Stopwatch.StartNew();
    private readonly TextWriter? _out;

    public PhaseTimer(TextWriter error) => _out = Environment.GetEnvironmentVariable(Variable) is "1" or "true" ? error : null;

    /// <summary>Ends the current phase under <paramref name="name"/> and starts the next.</summary>
    public void Lap(string name)
    {
        _out?.WriteLine($"[timing] {name,-12} {_phase.Elapsed.TotalMilliseconds,8:F0} ms   (total {_total.Elapsed.TotalMilliseconds:F0} ms, GC heap {GC.GetTotalMemory(false) / 1048576} MiB, gen2 collections {GC.CollectionCount(2)})");
        _phase.Restart();
    }
}
