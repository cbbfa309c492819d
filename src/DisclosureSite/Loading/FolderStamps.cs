using Microsoft.Win32.SafeHandles;

namespace DisclosureSite.Loading;

/// <summary>
/// Stamps (<see cref="InputCache.StampOf(string, ReadOnlySpan{char})"/>) of many files below one root, each looked up
/// from an open handle on a folder near it rather than from the root. <c>statx</c> looks up every component of the path
/// it is given, and on the bench's machine each look-up walks a long chain of the kernel's name cache (its table has
/// 131,072 slots for 0.7–1.8 million names): a one-file edit's build stamps ~110,000 input and ~130,000 output files at
/// 300 villages, 6 to 8 components deep, and those look-ups were most of its system time (docs/performance.md, "Point 2,
/// seventeenth round"). Files are asked for in folder order, so the folder two levels above the file
/// (<c>disclosures/unit/</c> for an input, <c>unit/period/</c> for a page and its downloads) stays open for a run of
/// look-ups; with <c>fromParent</c>, the file's own folder too, opened from that one (an input's period folder holds a
/// dozen files; a page's folder one to three, not worth a handle of its own). The same answer as a look-up by the whole
/// path: links are followed alike, a folder that cannot be opened is looked through by the whole path.
/// </summary>
/// <remarks>
/// For one thread and one batch of look-ups (a unit's files while it loads, a build's output); the handles are closed by
/// <see cref="Dispose"/>, or by the collector should the owner forget. Elsewhere than Linux on x64 or arm64 every look-up
/// is by the whole path.
/// </remarks>
internal sealed class FolderStamps(bool fromParent = false) : IDisposable
{
    // The folder two levels up (below _root) and, with fromParent, the file's own folder (opened from it).
    private string? _root;
    private string? _outer;
    private SafeFileHandle? _outerHandle;
    private string? _inner;
    private SafeFileHandle? _innerHandle;

    /// <summary>The stamp of <paramref name="relative"/> below <paramref name="root"/> (a rooted path stands alone).</summary>
    public InputCache.Stamp Of(string root, ReadOnlySpan<char> relative)
    {
        var last = relative.LastIndexOf('/');
        var cut = last > 0 ? relative[..last].LastIndexOf('/') : -1;
        if (cut < 0)
        {
            cut = last;
        }

        // A NUL would cut a folder's name short where the whole path's look-up sees it whole; an empty name (// or a / at
        // the end) would leave a rooted rest or nothing to look up.
        if (cut <= 0 || root.Length == 0 || relative[0] == '/' || relative[^1] == '/' || relative.Contains('\0') || relative.Contains("//", StringComparison.Ordinal))
        {
            return InputCache.StampOf(root, relative);
        }

        var outer = relative[..cut];
        if (!string.Equals(root, _root, StringComparison.Ordinal) || !outer.SequenceEqual(_outer))
        {
            Dispose();
            _root = root;
            _outer = outer.ToString();
            _outerHandle = InputFile.OpenToLookUpFrom(Path.Join(root, _outer));
        }

        if (_outerHandle is null)
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
                _innerHandle = InputFile.OpenToLookUpFrom(_outerHandle, _inner);
            }

            if (_innerHandle is not null)
            {
                return InputCache.StampAt((int)_innerHandle.DangerousGetHandle(), relative[(last + 1)..], separator: false, []);
            }
        }

        return InputCache.StampAt((int)_outerHandle.DangerousGetHandle(), relative[(cut + 1)..], separator: false, []);
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
