namespace DisclosureSite.Site.Write;

/// <summary>
/// What a long-lived session (the preview, <see cref="SiteSession"/>) knows of the output in place because it wrote it:
/// every file with its build-cache entry (key, hash, size, time, step tag), the files of each step tag (a step, or one
/// item's page and downloads) and the files of no tag. A rebuild in place (<see cref="SiteOutput(OwnedOutput)"/>) takes
/// an unchanged group over by its tag alone — no file is looked at — and replaces only the files whose bytes change,
/// each by an atomic rename. The session trusts that nobody else changes the output while it runs (docs/architecture.md,
/// "The preview's session").
/// </summary>
public sealed class OwnedOutput
{
    private string[]? _sorted;

    private OwnedOutput(string root, Dictionary<string, CachedFile> files)
    {
        Root = root;
        Files = files;
        foreach (var (path, entry) in files)
        {
            Add(path, entry);
        }
    }

    /// <summary>The output folder.</summary>
    public string Root { get; }

    /// <summary>Every file of the output in place, as the build cache describes it.</summary>
    public Dictionary<string, CachedFile> Files { get; }

    /// <summary>The files of each step tag.</summary>
    internal Dictionary<string, Group> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Rebuilds in place so far: the number of the one running (a group taken over records it).</summary>
    internal int Builds { get; set; }

    /// <summary>The files of one tag, and the rebuild that took them over whole (set without a lock: steps run at once).</summary>
    internal sealed class Group() : HashSet<string>(StringComparer.Ordinal)
    {
        public int TakenIn;
    }

    /// <summary>The files of no step tag (pages keyed one by one, the manifest, attachments, theme assets).</summary>
    internal HashSet<string> Untagged { get; } = new(StringComparer.Ordinal);

    /// <summary>The output described by the entries of a build (<see cref="SiteOutput.CacheEntries"/>).</summary>
    public static OwnedOutput From(string root, IEnumerable<(string Path, CachedFile File)> entries) =>
        new(root, entries.ToDictionary(e => e.Path, e => e.File, StringComparer.Ordinal));

    /// <summary>Every path, sorted (ordinal); sorted again only after files were added or removed.</summary>
    internal string[] Sorted => Listing().Paths;

    // Beside the sorted paths, slot by slot: each file as the manifest lists it and its group (null: untagged), kept up
    // to date as entries are recorded (a rebuild lists 130,000 files two or three times: no look-up, nothing made per file).
    private OutputFile[]? _listed;
    private Group?[]? _groupOf;
    private Dictionary<string, int>? _slot;

    /// <summary>The sorted paths, and for each its file (path, hash, size) and its group (null when untagged).</summary>
    internal (string[] Paths, OutputFile[] Files, Group?[] Groups) Listing()
    {
        if (_sorted is null)
        {
            var sorted = Files.Keys.Order(StringComparer.Ordinal).ToArray();
            _listed = new OutputFile[sorted.Length];
            _groupOf = new Group?[sorted.Length];
            _slot = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
            for (var i = 0; i < sorted.Length; i++)
            {
                _slot[sorted[i]] = i;
                Fill(i, sorted[i], Files[sorted[i]]);
            }

            _sorted = sorted;
        }

        return (_sorted, _listed!, _groupOf!);
    }

    private void Fill(int slot, string path, CachedFile entry)
    {
        _listed![slot] = new OutputFile(path, entry.Sha256, entry.Bytes);
        _groupOf![slot] = entry.Step is { } step ? Groups.GetValueOrDefault(step) : null;
    }

    /// <summary>The slot of <paramref name="path"/> refilled from its entry, when the listing is made and holds it.</summary>
    private void Refill(string path)
    {
        if (_sorted is not null && _slot!.TryGetValue(path, out var slot))
        {
            Fill(slot, path, Files[path]);
        }
    }

    /// <summary>Records <paramref name="entry"/> at <paramref name="path"/> (in the group of its step tag).</summary>
    internal void Record(string path, CachedFile entry)
    {
        if (Files.TryGetValue(path, out var previous))
        {
            Leave(path, previous);
        }
        else
        {
            _sorted = null;
        }

        Files[path] = entry;
        Add(path, entry);
        Refill(path);
    }

    /// <summary>Forgets <paramref name="path"/>: its file was deleted.</summary>
    internal void Delete(string path)
    {
        if (Files.Remove(path, out var entry))
        {
            Leave(path, entry);
            _sorted = null;
        }
    }

    private void Leave(string path, CachedFile entry)
    {
        if (entry.Step is { } step && Groups.TryGetValue(step, out var group))
        {
            group.Remove(path);
            if (group.Count == 0)
            {
                Groups.Remove(step);
            }
        }
        else
        {
            Untagged.Remove(path);
        }
    }

    /// <summary>
    /// The files of <paramref name="step"/> no longer form a group that can be taken over whole (a build failed while
    /// rewriting some of them): they stay recorded, untagged, so the next build takes over only those it asks for one by one.
    /// </summary>
    internal void Ungroup(string step)
    {
        if (!Groups.Remove(step, out var group))
        {
            return;
        }

        foreach (var path in group)
        {
            Files[path] = Files[path] with { Step = null };
            Untagged.Add(path);
            Refill(path);
        }
    }

    private void Add(string path, CachedFile entry)
    {
        if (entry.Step is { } step)
        {
            if (!Groups.TryGetValue(step, out var group))
            {
                Groups[step] = group = new Group();
            }

            group.Add(path);
        }
        else
        {
            Untagged.Add(path);
        }
    }
}
