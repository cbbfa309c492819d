using System.Runtime;
using DisclosureSite.Cli;

namespace DisclosureSite.Tests;

/// <summary>
/// <see cref="CollectorHold"/>: the collector is held off only where the command is the whole process, and the hold ends
/// cleanly whether the budget lasted or ran out. Alone: the collector's mode is the test host's.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CollectorHoldTests
{
    private static CliContext Context(bool ownsProcess) => new(TextWriter.Null, TextWriter.Null, TimeProvider.System) { OwnsProcess = ownsProcess };

    [Test]
    public void A_command_in_a_host_never_holds_the_collector()
    {
        Assert.That(CollectorHold.For(Context(ownsProcess: false), 64L << 20), Is.Null);
        Assert.That(CollectorHold.For(Context(ownsProcess: true), null), Is.Null, "no budget: nothing to hold");
    }

    [Test]
    public void The_process_s_own_command_runs_without_collections_within_its_budget()
    {
        var collections = GC.CollectionCount(0);
        using (var hold = CollectorHold.For(Context(ownsProcess: true), 64L << 20))
        {
            Assert.That(hold, Is.Not.Null);
            Assert.That(GCSettings.LatencyMode, Is.EqualTo(GCLatencyMode.NoGCRegion));
            collections = GC.CollectionCount(0);
            Keep(Allocate(16L << 20));
            Assert.That(GC.CollectionCount(0), Is.EqualTo(collections), "16 MiB of a 64 MiB budget: no collection");
        }

        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion), "the hold ends with the command");
    }

    [Test]
    public void A_budget_that_runs_out_ends_in_one_collection_and_the_usual_mode()
    {
        var hold = CollectorHold.For(Context(ownsProcess: true), 16L << 20);
        Assert.That(hold, Is.Not.Null);
        var collections = GC.CollectionCount(0);
        Keep(Allocate(64L << 20));
        Assert.That(GC.CollectionCount(0), Is.GreaterThan(collections), "past the budget the runtime collects");
        Assert.That(GCSettings.LatencyMode, Is.Not.EqualTo(GCLatencyMode.NoGCRegion));
        Assert.DoesNotThrow(hold!.Dispose, "the region was over already: ending the hold is still quiet");
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
