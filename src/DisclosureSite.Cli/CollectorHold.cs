namespace DisclosureSite.Cli;

/// <summary>
/// The garbage collector held off for the rest of a process whose allocations are known in advance
/// (<see cref="GC.TryStartNoGCRegion(long)"/>): a one-file edit's build allocates a bounded amount (<see cref="Site.EditBudget"/>),
/// most of it the loaded model that lives to its end, so each collection would only copy it — at 300 villages a quarter
/// of the edit's time. The hold is never ended: the process exits right after the build and the system takes its memory
/// back whole, whereas ending it would make the next allocation collect everything the build allocated (a full,
/// compacting collection: ~1.5 s at 300 villages) for nothing. Past the budget the runtime collects once and goes back
/// to its usual mode. Only where the command is the whole process (<see cref="CliContext.OwnsProcess"/>): the mode is
/// the process's, and a test host runs commands side by side.
/// </summary>
internal static class CollectorHold
{
    /// <summary>Holds the collector off for <paramref name="bytes"/> of allocation; false when it does not (null bytes, not the process's own command, or the runtime refuses).</summary>
    public static bool UntilExit(CliContext context, long? bytes)
    {
        if (!context.OwnsProcess || bytes is not { } budget)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(budget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime can set aside, or a region already open: the build runs with the collector as usual.
            return false;
        }
    }
}
