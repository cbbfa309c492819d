using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DisclosureSite.Site.Write;

/// <summary>
/// Creates a file that does not exist yet with the given bytes and returns its last-write time (the build cache's
/// stamp). A clean build creates every file of the site this way, 5,000 at 10 villages, 120,000 at 300.
/// </summary>
/// <remarks>
/// On Linux (x64, arm64) it takes four system calls: <c>open</c>, <c>write</c>, <c>fstat</c>, <c>close</c>. .NET's
/// <see cref="File.OpenHandle"/> adds <c>fstatfs</c> and <c>flock</c> (its advisory share lock, taken and released
/// again for a file nobody else knows of yet) and <c>lseek</c>, and reading the time by path adds an <c>lstat</c>: eight
/// (docs/performance.md, "Point 1 and 4, fourth round"). Elsewhere, or when the fast path meets any error, .NET's own
/// calls make the file, so errors are reported exactly as before.
/// </remarks>
internal static partial class NewFile
{
    private const int Eintr = 4;

    // The file is created by Loading.InputFile.CreateNew (open(2)'s flags are the same on Linux x64 and arm64), written here.
    private static readonly bool Direct = OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// Writes <paramref name="bytes"/> to the new file <paramref name="full"/>; returns its last-write time in ticks (UTC).
    /// With <paramref name="near"/>, the file is created from a handle on a folder near it (<paramref name="relative"/>
    /// below <paramref name="root"/> is the same file), not by its whole path.
    /// </summary>
    public static long Write(string full, ReadOnlySpan<byte> bytes, Loading.NearFolder? near = null, string? root = null, string? relative = null)
    {
        if (Direct && TryWriteDirect(full, bytes, near is null ? -1 : near.CreateNew(root!, relative)) is { } ticks)
        {
            return ticks;
        }

        using (var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            RandomAccess.Write(handle, bytes, 0);
        }

        return File.GetLastWriteTimeUtc(full).Ticks;
    }

    private static unsafe long? TryWriteDirect(string full, ReadOnlySpan<byte> bytes, int fd)
    {
        if (fd < 0)
        {
            fd = Loading.InputFile.CreateNew(folder: null, full);
        }

        if (fd < 0)
        {
            return null;
        }

        var written = true;
        using (var handle = new SafeFileHandle(fd, ownsHandle: true))
        {
            fixed (byte* start = bytes)
            {
                for (var done = 0; done < bytes.Length;)
                {
                    var n = write(fd, start + done, bytes.Length - done);
                    if (n < 0 && Marshal.GetLastPInvokeError() == Eintr)
                    {
                        continue;
                    }

                    if (n <= 0)
                    {
                        written = false;
                        break;
                    }

                    done += (int)n;
                }
            }

            if (written)
            {
                return File.GetLastWriteTimeUtc(handle).Ticks;
            }
        }

        // Out of space, say: remove the part written, and let .NET's calls meet (and report) the error.
        File.Delete(full);
        return null;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buffer, nint count);
}
