using DisclosureSite.Validation;

namespace DisclosureSite.Site;

/// <summary>How a build ended.</summary>
public enum BuildOutcome
{
    /// <summary>The site was written and swapped into place.</summary>
    Built,

    /// <summary>The input has errors; nothing was written and the previous output is untouched.</summary>
    InputErrors,
}

/// <summary>The result of <see cref="SiteBuilder.Build"/>: the check report, page and file counts, timings and warnings for the user.</summary>
public sealed record BuildResult(
    BuildOutcome Outcome,
    CheckReport Report,
    int Pages,
    int Files,
    long Bytes,
    TimeSpan Elapsed,
    string OutputRoot,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PhaseTiming> Phases)
{
    public bool Succeeded => Outcome == BuildOutcome.Built;

    /// <summary>True when Pagefind ran and the search index is in the output.</summary>
    public bool SearchIndexed { get; init; }

    /// <summary>Files taken over unchanged from the previous output through the build cache (not rendered, not written).</summary>
    public int FilesReused { get; init; }

    /// <summary>The render steps not run because what they read was unchanged since the previous build (their files taken over).</summary>
    public IReadOnlyList<string> StepsReused { get; init; } = [];

    /// <summary>The files put on disk with new bytes by this build (the others were taken over from the previous output), sorted.</summary>
    public IReadOnlyList<string> FilesWritten { get; init; } = [];
}

/// <summary>How long a phase or step took, for <c>--verbose</c> output and performance notes.</summary>
/// <summary>A phase or render step: its wall time and the process's resident memory when it ended (bytes).</summary>
public sealed record PhaseTiming(string Name, TimeSpan Elapsed, long WorkingSet = 0);
