using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DisclosureSite.Loading;

/// <summary>
/// Reads an input file whole when its last component is a regular file, not a link: on Linux (x64, arm64) with four
/// system calls — <c>open</c> (not following a link at the end), <c>statx</c> of the open file, <c>read</c>, <c>close</c>.
/// A load reads every input file once (3,700 at 10 villages, 100,000 at 300); the general way took eleven: an
/// <c>lstat</c> (is it a link?) and another for its length, each with a <c>geteuid</c>, and .NET's
/// <see cref="File.ReadAllBytes(string)"/> adds two <c>fstat</c>s and an advisory lock taken and released
/// (docs/performance.md, "Point 1, fourteenth round"). A folder, pipe or device is <see cref="Outcome.NotAFile"/>;
/// anything else — a link, a missing or unreadable file, another system — is <see cref="Outcome.Other"/>: the caller
/// takes the general way, which reports it as before. The other direct system calls on files and folders are here too:
/// <c>statx</c> (the stamps), the handles <see cref="NearFolder"/> works from, the creation of a new output file
/// (<see cref="CreateNew"/>, which <c>Site.Write.NewFile</c> writes) and the opening of a recycled one to write over
/// (<see cref="OpenSoleToRewrite"/>).
/// </summary>
internal static partial class InputFile
{
    internal enum Outcome
    {
        Read,
        TooLarge,

        /// <summary>A folder, a pipe, a device: nothing to read (a pipe would wait for a writer forever).</summary>
        NotAFile,
        Other,
    }

    private const int ORdonly = 0;
    private const int ONonblock = 0x800; // a pipe must not block the open; a regular file reads as usual
    private const int OCloexec = 0x80000;
    private const int OPath = 0x200000; // O_PATH, the same on x64 and arm64
    private const int AtEmptyPath = 0x1000;
    /// <summary><c>AT_FDCWD</c>: a name is taken from the current folder, a whole path as it is.</summary>
    internal const int AtCurrentFolder = -100;
    private const uint StatxTypeAndSize = 0x1 | 0x200; // STATX_TYPE | STATX_SIZE
    private const uint StatxNlink = 0x4;
    private const int Eintr = 4;
    private const int Eexist = 17;
    private const int OWronly = 0x1;
    private const int OCreat = 0x40;
    private const int OExcl = 0x80;

    // O_NOFOLLOW is 0400000 on x64 and 0100000 on arm64; the other flags are the same on both.
    private static readonly int ONofollow = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

    private static readonly bool Direct = OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// The bytes of the regular file <paramref name="fullPath"/> (<see cref="Outcome.Read"/>), or its size when it is
    /// larger than <paramref name="maxBytes"/> (<see cref="Outcome.TooLarge"/>, nothing read).
    /// </summary>
    public static unsafe Outcome TryRead(string fullPath, long maxBytes, out byte[] bytes, out long size)
    {
        bytes = [];
        size = -1;
        if (!Direct)
        {
            return Outcome.Other;
        }

        var fd = open(fullPath, ORdonly | ONofollow | ONonblock | OCloexec);
        if (fd < 0)
        {
            return Outcome.Other;
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> stat = stackalloc byte[256];
        if (!StatxOf(fd, StatxTypeAndSize, stat))
        {
            return Outcome.Other;
        }

        if (!IsRegularFile(stat))
        {
            return Outcome.NotAFile;
        }

        // struct statx: stx_size at 40 (the same on every architecture).
        size = BitConverter.ToInt64(stat[40..]);
        if (size > maxBytes)
        {
            return Outcome.TooLarge;
        }

        var buffer = size == 0 ? [] : new byte[size];
        var done = 0;
        fixed (byte* start = buffer)
        {
            while (done < buffer.Length)
            {
                var n = read(fd, start + done, buffer.Length - done);
                if (n < 0 && Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }

                if (n < 0)
                {
                    return Outcome.Other;
                }

                if (n == 0)
                {
                    break;
                }

                done += (int)n;
            }
        }

        // Shorter than its size said (cut while read): what was there, as File.ReadAllBytes would give.
        bytes = done == buffer.Length ? buffer : buffer[..done];
        return Outcome.Read;
    }

    /// <summary>
    /// A handle on <paramref name="path"/> to look things up from (<c>open</c> with <c>O_PATH</c>: nothing is read, no
    /// permission beyond reaching it is needed; a link is followed, as a path walk follows it), or null when it cannot be
    /// opened or this is not Linux on x64 or arm64.
    /// </summary>
    public static SafeFileHandle? OpenToLookUpFrom(string path)
    {
        if (!Direct)
        {
            return null;
        }

        var fd = open(path, OPath | OCloexec);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>As <see cref="OpenToLookUpFrom(string)"/>, for <paramref name="name"/> looked up from the open folder <paramref name="folder"/>.</summary>
    public static SafeFileHandle? OpenToLookUpFrom(SafeFileHandle folder, string name)
    {
        if (!Direct)
        {
            return null;
        }

        var fd = openat((int)folder.DangerousGetHandle(), name, OPath | OCloexec, 0);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>
    /// Which file or folder <paramref name="handle"/> is (its device and inode, <c>struct statx</c>'s <c>stx_dev_major</c>,
    /// <c>stx_dev_minor</c> and <c>stx_ino</c>), or null when it cannot be asked: the same object under any name it is
    /// renamed to.
    /// </summary>
    public static (uint Major, uint Minor, ulong Inode)? IdentityOf(SafeFileHandle handle)
    {
        Span<byte> stat = stackalloc byte[256];
        const uint StatxIno = 0x100;
        return Direct && StatxOf((int)handle.DangerousGetHandle(), StatxIno, stat)
            ? (BitConverter.ToUInt32(stat[136..]), BitConverter.ToUInt32(stat[140..]), BitConverter.ToUInt64(stat[32..]))
            : null;
    }

    /// <summary>
    /// Makes the folder <paramref name="name"/> in the open folder <paramref name="folder"/> (mode 0777 before the umask,
    /// as .NET makes folders); true when it is made or a folder (or a link to one) is already there by that name.
    /// </summary>
    public static unsafe bool MakeFolder(SafeFileHandle folder, string name)
    {
        if (!Direct)
        {
            return false;
        }

        var fd = (int)folder.DangerousGetHandle();
        if (mkdirat(fd, name, 0x1FF) == 0)
        {
            return true;
        }

        if (Marshal.GetLastPInvokeError() != Eexist)
        {
            return false;
        }

        // Something is there: a folder will do, as Directory.CreateDirectory takes it; anything else is for the caller.
        var bytes = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        Span<byte> stat = stackalloc byte[256];
        fixed (byte* path = bytes)
        fixed (byte* into = stat)
        {
            return Statx(fd, path, 0, StatxTypeAndSize, into) == 0 && (BitConverter.ToUInt16(stat[28..]) & 0xF000) == 0x4000;
        }
    }

    /// <summary>
    /// Creates the file <paramref name="name"/> for writing, failing if anything is there (mode 0666 before the umask, as
    /// .NET creates files): below the open folder <paramref name="folder"/>, or, without one, <paramref name="name"/> is the
    /// whole path. Its descriptor, or -1.
    /// </summary>
    public static int CreateNew(SafeFileHandle? folder, string name) =>
        Direct ? openat(folder is null ? AtCurrentFolder : (int)folder.DangerousGetHandle(), name, OWronly | OCreat | OExcl | OCloexec, 0x1B6) : -1;

    /// <summary>
    /// The file <paramref name="fullPath"/> opened for writing over its bytes (nothing truncated), when it is a regular file,
    /// not a link, with no other name (one link: no other folder sees what is written); else null.
    /// </summary>
    public static SafeFileHandle? OpenSoleToRewrite(string fullPath)
    {
        if (!Direct)
        {
            return null;
        }

        var fd = open(fullPath, OWronly | ONofollow | ONonblock | OCloexec);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> stat = stackalloc byte[256];
        // struct statx: stx_nlink at 16.
        if (StatxOf(fd, StatxTypeAndSize | StatxNlink, stat) && IsRegularFile(stat) && BitConverter.ToUInt32(stat[16..]) == 1)
        {
            return handle;
        }

        handle.Dispose();
        return null;
    }

    /// <summary>The <c>struct statx</c> of the open file <paramref name="fd"/> with the fields of <paramref name="mask"/>, into <paramref name="stat"/> (256 bytes); false when the call fails.</summary>
    private static unsafe bool StatxOf(int fd, uint mask, Span<byte> stat)
    {
        fixed (byte* into = stat)
        {
            byte empty = 0;
            return Statx(fd, &empty, AtEmptyPath, mask, into) == 0;
        }
    }

    /// <summary>Whether a <c>struct statx</c> is of a regular file (stx_mode at 28, the same on every architecture).</summary>
    private static bool IsRegularFile(ReadOnlySpan<byte> stat) => (BitConverter.ToUInt16(stat[28..]) & 0xF000) == 0x8000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int openat(int dirfd, string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdirat(int dirfd, string path, int mode);

    /// <summary><c>statx(2)</c>; the input cache's stamps use it too (<see cref="InputCache.StampOf(string, ReadOnlySpan{char})"/>).</summary>
    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    internal static unsafe partial int Statx(int dirfd, byte* pathname, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint read(int fd, byte* buffer, nint count);
}
