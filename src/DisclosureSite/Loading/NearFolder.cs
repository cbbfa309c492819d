using Microsoft.Win32.SafeHandles;

namespace DisclosureSite.Loading;

/// <summary>
/// Handles on folders near the files a thread works on, to look files up, make folders and create files from there rather
/// than from the root. Every system call given a path looks up each of its components, and on the bench's machine each
/// look-up walks a long chain of the kernel's name cache (its table has 131,072 slots for 0.7–1.8 million names): a
/// one-file edit's build stamps ~110,000 input and ~130,000 output files at 300 villages, 6 to 8 components deep, and a
/// clean build makes 3,300 folders and 5,000 files at 10 villages, each folder by a look-up of the whole path and a
/// <c>mkdir</c>, each file by an <c>open</c> of the whole path (docs/performance.md, "Points 1 and 2, seventeenth round").
/// Files are worked on in folder order, so the folder two levels above the file (<c>disclosures/unit/</c> for an input,
/// <c>unit/period/</c> for a page and its downloads) stays open for a run of them; with <c>fromParent</c>, the file's own
/// folder too, opened from that one (an input's period folder holds a dozen files; a page's folder one to three, not
/// worth a handle of its own). The same answers as by the whole path: links are followed alike, and what cannot be done
/// from a handle is done by the whole path, which reports what is wrong as before.
/// </summary>
/// <remarks>
/// For one thread and one batch of work (a unit's files while it loads, a build's output); the handles are closed by
/// <see cref="Dispose"/>, or by the collector should the owner forget. Elsewhere than Linux on x64 or arm64 everything
/// is by the whole path.
/// </remarks>
internal sealed class NearFolder(bool fromParent = false) : IDisposable
{
    // The folder two levels up (below _root) and, with fromParent, the file's own folder (opened from it).
    private string? _root;
    private string? _outer;
    private SafeFileHandle? _outerHandle;
    private string? _inner;
    private SafeFileHandle? _innerHandle;

    /// <summary>The stamp of <paramref name="relative"/> below <paramref name="root"/> (a rooted path stands alone).</summary>
    public InputCache.Stamp StampOf(string root, ReadOnlySpan<char> relative)
    {
        if (!Split(root, relative, out var last, out var cut) || !TryOuter(root, relative[..cut]))
        {
            return InputCache.StampOf(root, relative);
        }

        // The handles are this object's own and used on one thread: they stay open while the calls run.
        if (fromParent && last > cut)
        {
            var inner = relative[(cut + 1)..last];
            if (!inner.SequenceEqual(_inner))
            {
                _innerHandle?.Dispose();
                _inner = inner.ToString();
                _innerHandle = InputFile.OpenToLookUpFrom(_outerHandle!, _inner);
            }

            if (_innerHandle is not null)
            {
                return InputCache.StampAt((int)_innerHandle.DangerousGetHandle(), relative[(last + 1)..], separator: false, []);
            }
        }

        return InputCache.StampAt((int)_outerHandle!.DangerousGetHandle(), relative[(cut + 1)..], separator: false, []);
    }

    /// <summary>
    /// Makes the folder of the file <paramref name="relative"/> below <paramref name="root"/> (its parents too): the folder
    /// two levels up is made by the whole path when it is not there, and the file's own folder from it. False when this
    /// cannot be done here (the caller makes it by the whole path, which reports what is wrong).
    /// </summary>
    public bool MakeFolderOf(string root, ReadOnlySpan<char> relative)
    {
        if (!Split(root, relative, out var last, out var cut))
        {
            return false;
        }

        var outer = relative[..cut];
        if (!TryOuter(root, outer))
        {
            Directory.CreateDirectory(Path.Join(root, outer));
            if (!TryOuter(root, outer))
            {
                return false;
            }
        }

        return last == cut || InputFile.MakeFolder(_outerHandle!, relative[(cut + 1)..last].ToString());
    }

    /// <summary>
    /// Creates the file <paramref name="relative"/> below <paramref name="root"/> for writing, failing if it exists
    /// (<c>O_CREAT | O_EXCL</c>, mode 0666 before the umask, as .NET creates files), from the folder two levels up: its
    /// descriptor, or -1 (the caller creates it by the whole path, which reports what is wrong).
    /// </summary>
    public int CreateNew(string root, ReadOnlySpan<char> relative)
    {
        if (!Split(root, relative, out _, out var cut) || !TryOuter(root, relative[..cut]))
        {
            return -1;
        }

        return InputFile.CreateNew(_outerHandle!, relative[(cut + 1)..].ToString());
    }

    /// <summary>
    /// Where <paramref name="relative"/> splits: its last <c>/</c> and the one before it (the folder two levels up), or
    /// the last one when there is no other. False for what is looked up by the whole path: a file of the root or of a
    /// folder of it, a rooted path, a NUL (it would cut a folder's name short where the whole path's look-up sees it
    /// whole), an empty name (<c>//</c>, or a <c>/</c> at the end: a rooted rest or nothing to look up).
    /// </summary>
    private static bool Split(string root, ReadOnlySpan<char> relative, out int last, out int cut)
    {
        last = relative.LastIndexOf('/');
        cut = last > 0 ? relative[..last].LastIndexOf('/') : -1;
        if (cut < 0)
        {
            cut = last;
        }

        return cut > 0 && root.Length > 0 && relative[0] != '/' && relative[^1] != '/' && !relative.Contains('\0') && !relative.Contains("//", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the handle on <paramref name="outer"/> below <paramref name="root"/> is open: opened now when another was,
    /// or when it could not be before (the folder may have been made since).
    /// </summary>
    private bool TryOuter(string root, ReadOnlySpan<char> outer)
    {
        if (!string.Equals(root, _root, StringComparison.Ordinal) || !outer.SequenceEqual(_outer))
        {
            Dispose();
            _root = root;
            _outer = outer.ToString();
        }

        _outerHandle ??= InputFile.OpenToLookUpFrom(Path.Join(root, _outer));
        return _outerHandle is not null;
    }

    public void Dispose()
    {
        _innerHandle?.Dispose();
        _innerHandle = null;
        _inner = null;
        _outerHandle?.Dispose();
        _outerHandle = null;
        _root = null;
        _outer = null;
    }
}
