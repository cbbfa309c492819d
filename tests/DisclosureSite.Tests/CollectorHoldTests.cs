using System.Runtime;
using DisclosureSite.Cli;

namespace DisclosureSite.Tests;

/// <summary>
/// <see cref="CollectorHold"/>: the collector is held off only where the command is the whole process; within the budget
/// nothing is collected, past it the runtime collects and goes back to its usual mode. Alone: the collector's mode is the
/// test host's, and each test ends what it started.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CollectorHoldTests
{
    private static CliContext Context(bool ownsProcess) => new(TextWriter.Null, TextWriter.Null, TimeProvider.System) { OwnsProcess = ownsProcess };

    [TearDown]
    public void EndTheRegion()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }

    [Test]
    public void A_command_in_a_host_never_holds_the_collector()
    {
        Assert.That(CollectorHold.UntilExit(Context(ownsProcess: false), 64L << 20), Is.False);
        Assert.That(CollectorHold.UntilExit(Context(ownsProcess: true), null), Is.False, "no budget: nothing to hold");
        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion));
    }

    [Test]
    public void The_process_s_own_command_runs_without_collections_within_its_budget()
    {
        Assert.That(CollectorHold.UntilExit(Context(ownsProcess: true), 64L << 20), Is.True);
        Assert.That(GCSettings.LatencyMode, Is.EqualTo(GCLatencyMode.NoGCRegion));
        var collections = GC.CollectionCount(0);
        Keep(Allocate(16L << 20));
        Assert.That(GC.CollectionCount(0), Is.EqualTo(collections), "16 MiB of a 64 MiB budget: no collection");
        Assert.That(CollectorHold.UntilExit(Context(ownsProcess: true), 64L << 20), Is.False, "one hold at a time: a second is refused, quietly");
    }

    [Test]
    public void A_budget_that_runs_out_ends_in_a_collection_and_the_usual_mode()
    {
        Assert.That(CollectorHold.UntilExit(Context(ownsProcess: true), 16L << 20), Is.True);
        var collections = GC.CollectionCount(0);
        Keep(Allocate(64L << 20));
        Assert.That(GC.CollectionCount(0), Is.GreaterThan(collections), "past the budget the runtime collects");
        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion));
    }

    private static object? _kept;

    private static void Keep(object value) => _kept = value;

    /// <summary>Many small arrays (the small-object heap, as a build's allocations are), <paramref name="bytes"/> in all.</summary>
    private static List<byte[]> Allocate(long bytes)
    {
        var list = new List<byte[]>();
        for (long done = 0; done < bytes; done += 4096)
        {
            list.Add(new byte[4000]);
        }

        return list;
    }
}
