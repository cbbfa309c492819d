using System.Runtime;

namespace DisclosureSite.Cli;

/// <summary>
/// The garbage collector held off while a command whose allocations are known in advance runs (<see cref="GC.TryStartNoGCRegion(long)"/>):
/// a one-file edit's build allocates a bounded amount (<see cref="Site.EditBudget"/>), most of it the loaded model that lives
/// to its end, so each collection would only copy it — at 300 villages a quarter of the edit's time. Past the budget the
/// runtime collects once and goes back to its usual mode. Only where the command is the whole process
/// (<see cref="CliContext.OwnsProcess"/>): the mode is the process's, and a test host runs commands side by side.
/// </summary>
internal sealed class CollectorHold : IDisposable
{
    private CollectorHold()
    {
    }

    /// <summary>Holds the collector off for <paramref name="bytes"/> of allocation, or does nothing (null bytes, not the process's own command, or the runtime refuses).</summary>
    public static IDisposable? For(CliContext context, long? bytes)
    {
        if (!context.OwnsProcess || bytes is not { } budget)
        {
            return null;
        }

        try
        {
            return GC.TryStartNoGCRegion(budget) ? new CollectorHold() : null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime can set aside, or a region already open: the build runs with the collector as usual.
            return null;
        }
    }

    public void Dispose()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The budget ran out and the runtime collected: the region was over already.
            }
        }
    }
}
