using Microsoft.Win32.SafeHandles;

namespace DisclosureSite.Loading;

/// <summary>
/// Stamps (<see cref="InputCache.StampOf(string, ReadOnlySpan{char})"/>) of many files below one root, each looked up
/// from an open handle on a folder near it rather than from the root. <c>statx</c> walks every component of the path it
/// is given: a one-file edit's build stamps ~110,000 input and ~130,000 output files at 300 villages, 6 to 8 components
/// deep, and the walk was three quarters of the time those calls took (docs/performance.md, "Point 2, seventeenth
/// round"). Files are asked for in folder order, so the folder two levels above the file (<c>disclosures/unit/</c> for
/// an input, <c>unit/period/</c> for a page and its downloads) stays open for a run of look-ups and the walk is one or
/// two components. The same answer as a look-up by the whole path: links are followed alike, a folder that cannot be
/// opened is looked through by the whole path.
/// </summary>
/// <remarks>
/// For one thread and one batch of look-ups (a unit's files while it loads, a build's output); the handle is closed by
/// <see cref="Dispose"/>, or by the collector should the owner forget. Elsewhere than Linux on x64 or arm64 every look-up
/// is by the whole path.
/// </remarks>
internal sealed class FolderStamps : IDisposable
{
    private string? _root;
    private string? _folder;
    private SafeFileHandle? _handle;

    /// <summary>The stamp of <paramref name="relative"/> below <paramref name="root"/> (a rooted path stands alone).</summary>
    public InputCache.Stamp Of(string root, ReadOnlySpan<char> relative)
    {
        var last = relative.LastIndexOf('/');
        var cut = last > 0 ? relative[..last].LastIndexOf('/') : -1;
        if (cut < 0)
        {
            cut = last;
        }

        // A NUL would cut the folder's name short where the whole path's look-up sees it whole.
        if (cut <= 0 || root.Length == 0 || relative[0] == '/' || relative.Contains('\0'))
        {
            return InputCache.StampOf(root, relative);
        }

        var folder = relative[..cut];
        if (!string.Equals(root, _root, StringComparison.Ordinal) || !folder.SequenceEqual(_folder))
        {
            _handle?.Dispose();
            _root = root;
            _folder = folder.ToString();
            _handle = InputFile.OpenToLookUpFrom(Path.Join(root, _folder));
        }

        if (_handle is null)
        {
            return InputCache.StampOf(root, relative);
        }

        // The handle is this object's own and used on one thread: it stays open while the call runs.
        return InputCache.StampAt((int)_handle.DangerousGetHandle(), relative[(cut + 1)..], separator: false, []);
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
        _root = null;
        _folder = null;
    }
}
