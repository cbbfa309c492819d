using System.Runtime.InteropServices;
using DisclosureSite.Cli;

namespace DisclosureSite.Tests;

/// <summary>
/// <see cref="CollectorHugePages"/>: the range advised is the run of adjacent anonymous mappings that holds the collector's
/// new objects, never a file's or a named mapping, and the advice shows on that mapping (<c>hg</c> in its flags).
/// </summary>
[TestFixture]
public class CollectorHugePagesTests
{
    private static readonly string[] Maps =
    [
        "00400000-00500000 r-xp 00000000 08:01 1234 /usr/bin/disclosure",
        "7f0000000000-7f0000200000 ---p 00000000 00:00 0 ",
        "7f0000200000-7f0000600000 rw-p 00000000 00:00 0",
        "7f0000600000-7f0010000000 ---p 00000000 00:00 0",
        "7f0010001000-7f0010801000 rw-p 00000000 00:00 0",
        "7f0010801000-7f0010a00000 r--p 00000000 08:01 99 /usr/lib/libc.so.6",
        "7f0010a00000-7f0010b00000 rw-p 00000000 00:00 0",
        "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]",
    ];

    [Test]
    public void The_range_is_the_run_of_adjacent_anonymous_mappings_around_the_address()
    {
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7f0000300000), Is.EqualTo(((ulong)0x7f0000000000, (ulong)0x7f0010000000)));
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7f000fffffff), Is.EqualTo(((ulong)0x7f0000000000, (ulong)0x7f0010000000)));
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7f0010001000), Is.EqualTo(((ulong)0x7f0010001000, (ulong)0x7f0010801000)), "not adjacent: a run of its own");
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7f0010a00010), Is.EqualTo(((ulong)0x7f0010a00000, (ulong)0x7f0010b00000)), "the last anonymous run, before a named one");
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x00400100), Is.Null, "a file's mapping");
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7f0010000800), Is.Null, "a hole");
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7f0010900000), Is.Null, "a library");
        Assert.That(CollectorHugePages.RangeAround(Maps, 0x7ffd00000100), Is.Null, "the stack");
        Assert.That(CollectorHugePages.RangeAround(["garbage", "", "1-x rw-p 0 0 0"], 5), Is.Null);
    }

    [Test]
    public void A_command_in_a_host_gives_no_advice()
    {
        Assert.That(CollectorHugePages.Advise(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System)), Is.Zero);
    }

    [Test]
    public void The_process_s_own_command_advises_the_mapping_its_objects_are_in()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Transparent huge pages are Linux's.");
        }

        var advised = CollectorHugePages.Advise(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System) { OwnsProcess = true });
        Assert.That(advised, Is.GreaterThan(0));

        // The mapping that holds a new object carries the advice (VmFlags "hg" in /proc/self/smaps).
        var probe = new byte[64];
        var pinned = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            var address = (ulong)pinned.AddrOfPinnedObject();
            string? flags = null;
            var inside = false;
            foreach (var line in File.ReadLines("/proc/self/smaps"))
            {
                var dash = line.IndexOf('-', StringComparison.Ordinal);
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var start)
                    && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var end))
                {
                    inside = start <= address && address < end;
                }
                else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                {
                    flags = line;
                    break;
                }
            }

            Assert.That(flags, Is.Not.Null);
            Assert.That(flags!.Split(' ', StringSplitOptions.RemoveEmptyEntries), Does.Contain("hg"), flags);
        }
        finally
        {
            pinned.Free();
        }
    }
}
