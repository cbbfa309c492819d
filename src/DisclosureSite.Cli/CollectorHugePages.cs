using System.Globalization;
using System.Runtime.InteropServices;

namespace DisclosureSite.Cli;

/// <summary>
/// Asks Linux to back the collector's memory with transparent huge pages (2 MiB) where the system leaves that to each
/// program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> = <c>madvise</c>, the usual default, as on the bench's
/// machine): one page fault then maps 2 MiB instead of 4 KiB. A build allocates its model once and keeps it
/// (the collector is held off for an edit, <see cref="CollectorHold"/>), so nearly every byte it allocates is memory
/// the process has never touched, and each first touch of a page is a fault — ~15 µs each on the bench's machine, ~40 %
/// of a one-file edit's time (docs/performance.md, "Points 2 and 4, twentieth round"). The runtime has no setting for this
/// (its large pages are the reserved, <c>MAP_HUGETLB</c> kind few systems have), so the range is found the way a
/// debugger would: the mapping that holds a newly allocated object, with the anonymous mappings adjacent to it (the
/// collector reserves its whole range at once; what it commits later keeps the advice).
/// </summary>
/// <remarks>
/// <c>madvise(MADV_HUGEPAGE)</c> is advice only: it touches no memory, changes no protection and never fails the
/// process; on a system set to <c>never</c> it does nothing, and where the kernel has no huge pages it is refused, which
/// is ignored. Its cost is a little more resident memory (a 2 MiB page where a few 4 KiB pages were used), and on a
/// system whose memory is fragmented the kernel may compact it at a fault (its <c>defrag</c> setting): <c>DISCLOSURE_HUGE_PAGES=off</c>
/// gives no advice. Only where the command is the whole process (<see cref="CliContext.OwnsProcess"/>), like the collector's hold.
/// </remarks>
internal static partial class CollectorHugePages
{
    private const int MadvHugePage = 14;

    /// <summary>Gives the advice; returns the bytes of address space it was given for (0 when not on Linux or not found).</summary>
    public static long Advise(CliContext context)
    {
        if (!context.OwnsProcess || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("DISCLOSURE_HUGE_PAGES") is "off" or "0")
        {
            return 0;
        }

        try
        {
            var probe = new byte[64];
            var address = AddressOf(probe);
            if (RangeAround(File.ReadLines("/proc/self/maps"), address) is not { } range)
            {
                return 0;
            }

            return madvise((nint)range.Start, (nuint)(range.End - range.Start), MadvHugePage) == 0 ? (long)(range.End - range.Start) : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The run of adjacent anonymous mappings (no file, no name such as <c>[stack]</c>) that holds <paramref name="address"/>,
    /// from the lines of <c>/proc/self/maps</c> (in address order); null when the address is in no anonymous mapping.
    /// </summary>
    internal static (ulong Start, ulong End)? RangeAround(IEnumerable<string> maps, ulong address)
    {
        (ulong Start, ulong End)? run = null;
        foreach (var line in maps)
        {
            var mapping = Anonymous(line);
            if (run is { } done && (mapping is not { } next || next.Start != done.End))
            {
                if (done.Start <= address && address < done.End)
                {
                    return done;
                }

                run = null;
            }

            if (mapping is not { } current)
            {
                continue;
            }

            if (current.Start > address && run is null)
            {
                return null;
            }

            run = run is { } open ? (open.Start, current.End) : current;
        }

        return run is { } last && last.Start <= address && address < last.End ? last : null;
    }

    /// <summary>The range of a line of <c>/proc/self/maps</c> that maps no file and has no name, else null.</summary>
    private static (ulong Start, ulong End)? Anonymous(string line)
    {
        // start-end perms offset dev inode [path]
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[4] != "0" || (fields.Length == 6 && fields[5].Trim().Length > 0))
        {
            return null;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            && ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            && start < end
                ? (start, end)
                : null;
    }

    private static ulong AddressOf(byte[] probe)
    {
        var pinned = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            return (ulong)pinned.AddrOfPinnedObject();
        }
        finally
        {
            pinned.Free();
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint address, nuint length, int advice);
}
