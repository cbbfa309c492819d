using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace DisclosureSite.Loading;

/// <summary>
/// A cache file mapped into memory, read only, as <see cref="Memory{T}"/> (<see cref="Read"/>; read into memory on Windows):
/// what is decoded from it is read in place, and
/// what is kept encoded (a disclosure's body, a table's rows) stays a slice of the mapping instead of a copy. On a host
/// where the first touch of fresh memory is dear (15 µs a page in the eighteenth round of docs/performance.md), a page
/// of the file already in the page cache costs a tenth of that mapped, and a body never looked at costs nothing.
/// </summary>
/// <remarks>
/// The mapping lives as long as anything holds this object (a slice's <see cref="Memory{T}"/> does): it is unmapped by
/// the view's finalizer once nothing does, so whoever reads a span of it keeps its owner alive until done
/// (<see cref="GC.KeepAlive"/>). The caches are replaced by a rename, never written in place, so the mapped file does
/// not change under a reader; one deleted meanwhile stays readable until unmapped.
/// </remarks>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;

    private MappedFile(MemoryMappedViewAccessor view, int length)
    {
        _view = view;
        _length = length;
        // The address without AcquirePointer: a pointer acquired and never released would keep the view's handle from
        // ever unmapping. Reachability keeps it mapped instead (see the remarks).
        _start = (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
    }

    /// <summary>
    /// The whole of the file at <paramref name="path"/> (empty when the file is empty: an empty file cannot be mapped),
    /// mapped where <paramref name="map"/>, else read into memory. By default a file is mapped except on Windows: there
    /// a file with a mapped view can be neither replaced nor renamed nor deleted, and the caches are replaced by a rename
    /// while what was read from them may still hold the view (it is unmapped only when collected) — the cache would go
    /// unwritten, and the build cache would stay beside a site it no longer describes.
    /// </summary>
    public static Memory<byte> Read(string path, bool? map = null)
    {
        using var file = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(file));
        if (length == 0)
        {
            return Memory<byte>.Empty;
        }

        if (!(map ?? !OperatingSystem.IsWindows()))
        {
            var bytes = GC.AllocateUninitializedArray<byte>(length);
            var read = 0;
            while (read < length && RandomAccess.Read(file, bytes.AsSpan(read), read) is var n and > 0)
            {
                read += n;
            }

            return bytes.AsMemory(0, read);
        }

        // Neither the file's handle nor its mapping object is needed once the view is made: the view stays mapped on its own.
        using var mapping = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        return new MappedFile(mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length).Memory;
    }

    public override Span<byte> GetSpan() => new(_start, _length);

    public override MemoryHandle Pin(int elementIndex = 0) =>
        elementIndex >= 0 && elementIndex <= _length ? new MemoryHandle(_start + elementIndex, pinnable: this) : throw new ArgumentOutOfRangeException(nameof(elementIndex));

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        // Never disposed by hand: slices of the mapping live on in what was decoded from it. The view's handle unmaps
        // the file when it is finalized, after the last of them.
    }
}
