using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// The persistent per-file input cache (issue 8): for each disclosure file, the result of loading it (the
/// <see cref="Disclosure"/> with its tables and content hash, or nothing) and the findings loading reported, keyed by the stamps of
/// every file that result was read from (the Markdown file, its table files, its attachments — missing ones too).
/// A stamp is size, modification time, change time (ctime) and inode from <c>statx</c>: ctime cannot be set back by
/// a program, so a file rewritten with the same size and a restored mtime still misses. One file per unit folder
/// under the system temp folder (<c>disclosure-cache/&lt;hash of the input path&gt;/</c>), never inside the input or
/// the site; safe to delete; versioned by the tool's module version id and by a fingerprint of what loading depends
/// on besides the files (the unit's level and the catalogue). Linux only (elsewhere it is off and loading reads
/// everything, as before).
/// </summary>
public sealed class InputCache
{
    private const string Magic = "disclosure-input-cache-v9";

    /// <summary>The size of a unit file's checksum, its last bytes (<see cref="Open"/>).</summary>
    private const int ChecksumBytes = sizeof(ulong);
    private static readonly string ToolVersion = typeof(InputCache).Assembly.ManifestModule.ModuleVersionId.ToString();

    private InputCache(string folder, string fingerprint, IPerFileChecks? checks, TimeProvider clock, InputCacheMemory? memory)
    {
        Folder = folder;
        Fingerprint = fingerprint;
        Checks = checks;
        _clock = clock;
        _memory = memory;
    }

    private readonly TimeProvider _clock;
    private readonly InputCacheMemory? _memory;

    private static long _hits;

    [ThreadStatic]
    private static byte[]? _statBuffer;

    /// <summary>Files taken from any input cache in this process so far (tests).</summary>
    internal static long Hits => Interlocked.Read(ref _hits);

    /// <summary>Where this input folder's cache lives.</summary>
    public string Folder { get; }

    private string Fingerprint { get; }

    /// <summary>The per-file checks run on each file loaded afresh and kept with it (their rules fingerprint is part of <see cref="Fingerprint"/>).</summary>
    public IPerFileChecks? Checks { get; }

    /// <summary>
    /// The cache of an input folder, or null when caching is off (not Linux, or <c>DISCLOSURE_INPUT_CACHE=off</c>).
    /// <see cref="LoadOptions.CacheFolder"/> overrides the location; <see cref="LoadOptions.Checks"/> are run on every file loaded afresh.
    /// </summary>
    public static InputCache? For(InputFolder input, RuleSet rules, LoadOptions options)
    {
        if (!IsOn)
        {
            return null;
        }

        var folder = options.CacheFolder ?? DefaultFolder(input.Root);
        var checks = options.Checks;
        var catalogue = new StringBuilder();
        foreach (var i in rules.AllItems)
        {
            catalogue.Append(i.Id).Append('\u001f').Append(i.Name).Append('\u001f').Append((int)i.Level).Append('\u001f').Append((int)i.Schedule).Append('\u001e');
        }

        var checksFingerprint = checks?.FingerprintOf(rules) ?? "no per-file checks";
        return new InputCache(folder, ToolVersion + "|" + Hash(catalogue.ToString()) + "|" + checksFingerprint, checks, options.Clock, options.Memory);
    }

    /// <summary>Whether loading uses the cache here: on Linux, unless <c>DISCLOSURE_INPUT_CACHE</c> is <c>off</c> or <c>0</c>.</summary>
    public static bool IsOn => OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("DISCLOSURE_INPUT_CACHE") is not ("off" or "0");

    /// <summary>
    /// The bytes of the unit files cached for an input folder by this build of the tool (0 when there are none): what a
    /// load served by the cache reads. The folder's files are taken to be of the version that wrote its first one: a
    /// build writes every file it loads, and each file another version wrote is written again by the next load. Only that
    /// header is read (at 300 villages the folder holds ~900 files, and opening each one held up the start of an edit by
    /// ~20 ms); a file of another version among the others only makes the edit's budget larger than it needs (<c>Site.EditBudget</c>).
    /// </summary>
    public static long BytesIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        long total = 0;
        var checkedVersion = false;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.bin"))
        {
            try
            {
                if (!checkedVersion)
                {
                    var header = new byte[1024];
                    using var handle = File.OpenHandle(file.FullName);
                    var r = new WrittenBytes(header, RandomAccess.Read(handle, header, 0));
                    if (!(r.ReadString() == Magic && r.ReadString().StartsWith(ToolVersion + "|", StringComparison.Ordinal)))
                    {
                        return 0;
                    }

                    checkedVersion = true;
                }

                total += file.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
            {
                // Unreadable or cut short: the load will not use it either.
            }
        }

        return total;
    }

    /// <summary><c>$TMPDIR/disclosure-cache/&lt;first 16 hex digits of SHA-256 of the full input path&gt;</c>.</summary>
    public static string DefaultFolder(string inputRoot) =>
        Path.Combine(Path.GetTempPath(), "disclosure-cache", Hash(Path.GetFullPath(inputRoot))[..16]);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The cached results of one unit folder (read once, written back if anything changed).</summary>
    public UnitCache OpenUnit(InputFolder input, Unit unit) => OpenUnit(input, unit, new StringPool());

    /// <summary>As above; repeated strings of the entries read are taken from <paramref name="strings"/> (the load's pool).</summary>
    internal UnitCache OpenUnit(InputFolder input, Unit unit, StringPool strings) =>
        Open(input, Path.Combine(Folder, unit.Id + ".bin"), Fingerprint + "|" + unit.Id + "|" + (int)unit.Level, strings);

    /// <summary>
    /// The cache of a unit's own files under <c>units/&lt;unit&gt;/</c> (its 民情台账), beside its disclosures' cache
    /// (<c>&lt;unit&gt;.units.bin</c>: a unit's id has no dot, so no unit's disclosures' cache has that name). The unit's folder
    /// is read beside its disclosures, on another thread, so it has a file of its own. <paramref name="rules"/> is what
    /// reading them depends on in the rules (<see cref="RequestsLoader.RulesFingerprint"/>): other rules, another cache.
    /// </summary>
    internal UnitCache OpenOwnFiles(InputFolder input, string unit, string rules) =>
        Open(input, Path.Combine(Folder, unit + ".units.bin"), Fingerprint + "|units/" + unit + "|" + Hash(rules), new StringPool());

    /// <summary>
    /// The cache of a unit's 四议两公开 records (<c>decisions/&lt;unit&gt;/</c>; <c>&lt;unit&gt;.decisions.bin</c>), read beside its
    /// disclosures and its own files; <paramref name="rules"/> as for <see cref="OpenOwnFiles"/> (<see cref="DecisionLoader.RulesFingerprint"/>).
    /// </summary>
    internal UnitCache OpenDecisions(InputFolder input, Unit unit, string rules) =>
        Open(input, Path.Combine(Folder, unit.Id + ".decisions.bin"), Fingerprint + "|decisions/" + unit.Id + "|" + (int)unit.Level + "|" + Hash(rules), new StringPool());

    private UnitCache Open(InputFolder input, string path, string fingerprint, StringPool strings)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (_memory?.Take(path, fingerprint) is { } kept)
        {
            // A long-lived process (the preview) keeps the unit's entries in memory: nothing to read or decode.
            return new UnitCache(input, path, fingerprint, kept, _clock, _memory);
        }

        try
        {
            // Mapped, not read: what is decoded is read in place (no buffer, and a file page costs a tenth of a fresh
            // page of memory on some hosts), and bodies and table rows stay slices of the mapping (MappedFile).
            if (File.Exists(path) && MappedFile.Read(path) is { Length: > 0 } bytes)
            {
                // Decoded in one pass (WrittenBytes: a long string in one call); a file with bytes after its last entry,
                // or cut short anywhere, is not trusted. Nor is one whose bytes are not those its checksum (the last 8
                // bytes, XxHash3 of all before them) was made of: past that check, what is kept encoded (bodies, table rows)
                // is not checked again (walking it to check it was ~4 % of an edit's CPU at 50 villages).
                var payload = bytes[..Math.Max(bytes.Length - ChecksumBytes, 0)];
                var head = new WrittenBytes(payload);
                if (head.ReadString() == Magic && head.ReadString() == fingerprint && bytes.Length >= ChecksumBytes
                    && System.IO.Hashing.XxHash3.HashToUInt64(payload.Span) == System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.Span[^ChecksumBytes..]))
                {
                    var r = new WrittenBytes(payload) { Position = head.Position, Verified = true };
                    var count = r.ReadInt32();
                    entries.EnsureCapacity(Math.Min(Math.Max(count, 0), bytes.Length / 16));
                    var pool = new ReadPool(strings);
                    for (var i = 0; i < count; i++)
                    {
                        var e = ReadEntry(r, pool);
                        entries[e.File] = e;
                    }

                    if (!r.AtEnd)
                    {
                        entries.Clear();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            entries.Clear();
        }

        return new UnitCache(input, path, fingerprint, entries, _clock, _memory);
    }

    /// <summary>The stamp of a file: (size, mtime, ctime, inode), or a fixed "missing" stamp.</summary>
    internal static Stamp StampOf(string fullPath) => StampOf(fullPath, ReadOnlySpan<char>.Empty);

    /// <summary>
    /// The stamp of <paramref name="relative"/> below <paramref name="root"/>, joined as <see cref="Path.Combine(string, string)"/>
    /// joins them on Linux (a rooted <paramref name="relative"/> stands alone), without making the joined string: the
    /// path is encoded as UTF-8 into a per-thread buffer, as the marshaller of a string would encode it. A load stamps
    /// ~17,000 input files at 50 villages and the take-over ~22,000 output files: one string each, and its copy in
    /// UTF-8, were made for nothing but this call.
    /// </summary>
    internal static unsafe Stamp StampOf(string root, ReadOnlySpan<char> relative)
    {
        ReadOnlySpan<char> first = root, second = relative;
        var separator = false;
        if (relative.Length > 0)
        {
            if (relative[0] == '/' || root.Length == 0)
            {
                first = relative;
                second = [];
            }
            else
            {
                separator = root[^1] != '/';
            }
        }

        return StampAt(InputFile.AtCurrentFolder, first, separator, second);
    }

    /// <summary>
    /// The stamp of <paramref name="first"/>, a <c>/</c> when <paramref name="separator"/>, and <paramref name="second"/>,
    /// looked up from the open folder <paramref name="folder"/> (or <see cref="InputFile.AtCurrentFolder"/>); the name is encoded
    /// as UTF-8 into a per-thread buffer, as the marshaller of a string would encode it.
    /// </summary>
    internal static unsafe Stamp StampAt(int folder, ReadOnlySpan<char> first, bool separator, ReadOnlySpan<char> second)
    {
        var buffer = _statBuffer ??= new byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(first.Length + second.Length) + 2;
        var path = _pathBuffer is { } kept && kept.Length >= max ? kept : _pathBuffer = new byte[Math.Max(max, 1024)];
        var length = Encoding.UTF8.GetBytes(first, path);
        if (separator)
        {
            path[length++] = (byte)'/';
        }

        length += Encoding.UTF8.GetBytes(second, path.AsSpan(length));
        path[length] = 0;
        int result;
        fixed (byte* name = path)
        fixed (byte* into = buffer)
        {
            result = InputFile.Statx(folder, name, 0, 0x7ff, into);
        }

        if (result != 0)
        {
            return Stamp.Missing;
        }

        long Ns(int offset) => (BitConverter.ToInt64(buffer, offset) * 1_000_000_000L) + BitConverter.ToUInt32(buffer, offset + 8);
        var mode = BitConverter.ToUInt16(buffer, 28);
        if ((mode & 0xF000) != 0x8000)
        {
            return Stamp.Missing with { Size = -2 };
        }

        return new Stamp(BitConverter.ToInt64(buffer, 40), Ns(112), Ns(96), BitConverter.ToInt64(buffer, 32));
    }

    [ThreadStatic]
    private static byte[]? _pathBuffer;

    internal readonly record struct Stamp(long Size, long Mtime, long Ctime, long Inode)
    {
        public static Stamp Missing { get; } = new(-1, 0, 0, 0);
    }

    /// <summary>One cached file: what it depended on, whether it claimed its slug, what it holds (a disclosure, a 民情台账 or a 四议两公开 record) and its findings.</summary>
    /// <remarks><see cref="Dependencies"/> is an array: every entry's are walked at every load (~17,000 at 50 villages), and a
    /// list behind an interface made an enumerator object for each.</remarks>
    internal sealed record Entry(string File, (string Path, Stamp Stamp)[] Dependencies, bool ClaimedSlug, Disclosure? Disclosure, IReadOnlyList<Finding> Findings, PerFileFindings? Checks, RequestLog? Requests = null, Decision? Decision = null);

    /// <summary>A unit's cache: look-ups during loading, then <see cref="Save"/>.</summary>
    public sealed class UnitCache
    {
        private readonly InputFolder _input;
        private readonly string _path;
        private readonly string _fingerprint;
        private readonly Dictionary<string, Entry> _old;
        private readonly List<Entry> _current = [];
        private readonly TimeProvider _clock;
        private readonly InputCacheMemory? _memory;

        // The unit's files are looked up one after the other, folder by folder, on the thread that loads the unit; a period
        // folder holds a dozen of them.
        private readonly NearFolder _stamps = new(fromParent: true);
        private bool _changed;

        internal UnitCache(InputFolder input, string path, string fingerprint, Dictionary<string, Entry> old, TimeProvider clock, InputCacheMemory? memory = null)
        {
            _input = input;
            _path = path;
            _fingerprint = fingerprint;
            _old = old;
            _clock = clock;
            _memory = memory;
        }

        /// <summary>The files the unit's cache holds results of (what a load of the unit will most likely find).</summary>
        internal int Count => _old.Count;

        /// <summary>The cached result for <paramref name="file"/> when every file it was read from is unchanged.</summary>
        internal Entry? Find(string file)
        {
            if (!_old.TryGetValue(file, out var e))
            {
                return null;
            }

            foreach (var (path, stamp) in e.Dependencies)
            {
                if (_stamps.StampOf(_input.Root, path) != stamp)
                {
                    return null;
                }
            }

            _current.Add(e);
            Interlocked.Increment(ref _hits);
            return e;
        }

        /// <summary>
        /// A file that holds one thing of type <typeparamref name="T"/> (a <see cref="RequestLog"/> or a <see cref="Decision"/>)
        /// read through the cache: when it is unchanged, what the cache holds, its findings put into <paramref name="sink"/>;
        /// else <paramref name="read"/> into findings of its own, which go into <paramref name="sink"/> and are kept with it.
        /// </summary>
        internal T? ReadThrough<T>(string file, FindingSink sink, Func<FindingSink, T?> read)
            where T : class
        {
            if (Find(file) is { } hit)
            {
                sink.AddRange(hit.Findings);
                return hit.Requests as T ?? hit.Decision as T;
            }

            var looked = new List<(string Path, Stamp Stamp)> { (file, StampOf(_input.Root, file)) };
            var own = new FindingSink();
            var result = read(own);
            sink.AddRange(own.Findings);
            Store(file, looked, claimedSlug: false, disclosure: null, own.Findings.ToList(), checks: null, result as RequestLog, result as Decision);
            return result;
        }

        /// <summary>
        /// Records a freshly loaded file. <paramref name="before"/> holds each file's stamp taken before it was read; a file
        /// whose stamp changed since, or whose change time is within the last 2 s (a later write in the same clock tick
        /// could keep the stamp), is not cached: the next run reads it again, it never gets a stale result.
        /// </summary>
        internal void Store(string file, IReadOnlyList<(string Path, Stamp Stamp)> before, bool claimedSlug, Disclosure? disclosure, IReadOnlyList<Finding> findings, PerFileFindings? checks, RequestLog? requests = null, Decision? decision = null)
        {
            _changed = true;
            var racy = (_clock.GetUtcNow().ToUnixTimeMilliseconds() - 2000) * 1_000_000L;
            var deps = new (string, Stamp)[before.Count];
            var at = 0;
            foreach (var (path, was) in before)
            {
                var now = _stamps.StampOf(_input.Root, path);
                if (was != now || now.Ctime > racy || now.Mtime > racy)
                {
                    return;
                }

                deps[at++] = (path, now);
            }

            _current.Add(new Entry(file, deps, claimedSlug, disclosure, findings, checks, requests, decision));
        }

        /// <summary>
        /// <see cref="Save"/> after only the files under <paramref name="reloadedFolder"/> (a <c>/</c>-terminated
        /// input-relative folder) were looked up: the entries of the unit's other files are kept as they were (each is
        /// still checked by its stamps when it is next used).
        /// </summary>
        internal void SaveKeepingOthers(string reloadedFolder)
        {
            var looked = new HashSet<string>(_current.Select(e => e.File), StringComparer.Ordinal);
            _current.AddRange(_old.Values.Where(e => !e.File.StartsWith(reloadedFolder, StringComparison.Ordinal) && !looked.Contains(e.File)));
            Save();
        }

        /// <summary>Writes the unit's cache if anything was loaded afresh or a file went away.</summary>
        public void Save()
        {
            _stamps.Dispose();
            _memory?.Keep(_path, _fingerprint, _current);
            if (!_changed && _current.Count == _old.Count)
            {
                return;
            }

            var temp = _path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
                {
                    var checksum = new System.IO.Hashing.XxHash3();
                    using (var w = new BinaryWriter(new BufferedStream(new HashingStream(file, checksum.Append), 1 << 16), Encoding.UTF8, leaveOpen: false))
                    {
                        w.Write(Magic);
                        w.Write(_fingerprint);
                        w.Write(_current.Count);
                        var pool = new Dictionary<string, int>(StringComparer.Ordinal);
                        foreach (var e in _current)
                        {
                            WriteEntry(w, e, pool);
                        }
                    }

                    Span<byte> trailer = stackalloc byte[ChecksumBytes];
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(trailer, checksum.GetCurrentHashAsUInt64());
                    file.Write(trailer);
                }

                File.Move(temp, _path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A cache that cannot be written only costs time on the next run; its temporary file is not left behind.
                try
                {
                    File.Delete(temp);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static void WriteEntry(BinaryWriter w, Entry e, Dictionary<string, int> pool)
    {
        w.Write(e.File);
        w.Write(e.Dependencies.Length);
        foreach (var (path, s) in e.Dependencies)
        {
            w.Write(path);
            w.Write(s.Size);
            w.Write(s.Mtime);
            w.Write(s.Ctime);
            w.Write(s.Inode);
        }

        w.Write(e.ClaimedSlug);
        WriteFindings(w, e.Findings, pool);
        w.Write(e.Checks is not null);
        if (e.Checks is { } checks)
        {
            WriteFindings(w, checks.Content, pool);
            WriteFindings(w, checks.PersonalData, pool);
        }

        // What the file holds, by kind (at most one).
        if (e.Disclosure is { } d)
        {
            w.Write((byte)Holds.Disclosure);
            WriteDisclosure(w, d, pool);
        }
        else if (e.Requests is { } requests)
        {
            w.Write((byte)Holds.Requests);
            WriteRequests(w, requests, pool);
        }
        else if (e.Decision is { } decision)
        {
            w.Write((byte)Holds.Decision);
            WriteDecision(w, decision, pool);
        }
        else
        {
            w.Write((byte)Holds.Nothing);
        }
    }

    /// <summary>What a cached file holds: nothing (its findings only), a disclosure, a 民情台账, a 四议两公开 record.</summary>
    private enum Holds : byte
    {
        Nothing,
        Disclosure,
        Requests,
        Decision,
    }

    /// <summary>A 四议两公开 record as read: its unit, slug, file, title, item, steps (date, minutes, votes, where), status, result and text.</summary>
    private static void WriteDecision(BinaryWriter w, Decision d, Dictionary<string, int> pool)
    {
        Pooled(w, d.Unit, pool);
        w.Write(d.Slug);
        w.Write(d.File);
        w.Write(d.Title);
        Pooled(w, d.Item, pool);
        w.Write(d.Steps.Count);
        foreach (var step in d.Steps)
        {
            Pooled(w, step.Id, pool);
            w.Write(step.Date.DayNumber);
            Opt(w, step.Minutes);
            w.Write(step.Votes is not null);
            if (step.Votes is { } v)
            {
                Opt(w, v.Present);
                Opt(w, v.For);
                Opt(w, v.Against);
                Opt(w, v.Abstain);
            }

            Pooled(w, step.Source.File, pool);
            Opt(w, step.Source.Line);
            Opt(w, step.Source.Column);
        }

        w.Write((int)d.Status);
        Opt(w, d.Result);
        w.Write(d.Text);
    }

    private static void WriteFindings(BinaryWriter w, IReadOnlyList<Finding> findings, Dictionary<string, int> pool)
    {
        w.Write(findings.Count);
        foreach (var f in findings)
        {
            Pooled(w, f.Code, pool);
            w.Write((int)f.Severity);
            w.Write(f.Text.Zh);
            w.Write(f.Text.En);
            Pooled(w, f.Unit, pool);
            Pooled(w, f.Period, pool);
            Pooled(w, f.Item, pool);
            Pooled(w, f.File, pool);
            Opt(w, f.Line);
            Opt(w, f.Column);
            Opt(w, f.Days);
        }
    }

    private static void WriteDisclosure(BinaryWriter w, Disclosure d, Dictionary<string, int> pool)
    {
        Pooled(w, d.Unit, pool);
        Pooled(w, d.Period.ToString(), pool);
        Pooled(w, d.Slug, pool);
        w.Write(d.File);
        var m = d.Meta;
        Pooled(w, m.Item, pool);
        Opt(w, m.Title);
        Opt(w, m.Published);
        Opt(w, m.PublishAt);
        Opt(w, m.WithdrawAt);
        Opt(w, m.Nil);
        Opt(w, m.Corrects);
        Opt(w, m.RevisionNote);
        Opt(w, m.Withdrawn);
        Opt(w, m.OpeningBalance);
        Opt(w, m.ClosingBalance);
        w.Write(m.Tables.Count);
        foreach (var t in m.Tables)
        {
            w.Write(t.File);
            Pooled(w, t.Schema.Name, pool);
            Pooled(w, t.Caption, pool);
            Opt(w, t.Sheet);
        }

        w.Write(m.Attachments.Count);
        foreach (var a in m.Attachments)
        {
            w.Write(a);
        }

        w.Write(d.Title);
        if (d.EncodedBody is { } encoded)
        {
            // Read from a cache and never decoded: its bytes go back as they came.
            encoded.WriteTo(w);
        }
        else
        {
            w.Write(d.Body);
        }

        w.Write(d.BodyHoldsTemplateText);
        w.Write(d.BodyLine);
        WriteFindings(w, d.FrontMatterPersonalData, pool);
        w.Write(d.ContentSha256);
        w.Write(d.Tables.Count);
        foreach (var t in d.Tables)
        {
            WriteTable(w, t, pool);
        }
    }

    /// <summary>A table: its file, schema, caption, header line, unit, notes, signature lines, columns and packed rows.</summary>
    private static void WriteTable(BinaryWriter w, Table t, Dictionary<string, int> pool)
    {
        w.Write(t.File);
        Pooled(w, t.Schema.Name, pool);
        Pooled(w, t.Caption, pool);
        w.Write(t.HeaderLine);
        Pooled(w, t.Unit, pool);
        w.Write(t.Notes.Count);
        foreach (var n in t.Notes)
        {
            w.Write(n);
        }

        w.Write(t.Signature.Count);
        foreach (var line in t.Signature)
        {
            w.Write(line.Line);
            w.Write(line.Parts.Count);
            foreach (var part in line.Parts)
            {
                Pooled(w, part, pool);
            }
        }

        w.Write(t.Columns.Count);
        foreach (var c in t.Columns)
        {
            Pooled(w, c, pool);
        }

        // Rows go as their packed bytes, length first: loading takes them as they are, without decoding.
        var packed = PackedRows.Pack(t.Rows);
        w.Write(packed.Encoded.Length);
        w.Write(packed.Encoded);
        GC.KeepAlive(packed); // its bytes may lie in a mapped cache file
    }

    /// <summary>A unit's 民情台账 as read: its file, the column of 反映人, the table, and each matter as the loader made it.</summary>
    private static void WriteRequests(BinaryWriter w, RequestLog log, Dictionary<string, int> pool)
    {
        Pooled(w, log.Unit, pool);
        w.Write(log.File);
        w.Write(log.RequesterColumn);
        w.Write(log.PersonalData is not null);
        if (log.PersonalData is { } personal)
        {
            WriteFindings(w, personal, pool);
        }

        WriteTable(w, log.Table, pool);
        w.Write(log.Matters.Count);
        foreach (var m in log.Matters)
        {
            Pooled(w, m.Unit, pool);
            w.Write(m.Number);
            w.Write(m.Received.DayNumber);
            w.Write(m.Requester);
            w.Write(m.Subject);
            Pooled(w, m.Category, pool);
            Pooled(w, m.Handler, pool);
            w.Write(m.Due.DayNumber);
            w.Write(m.DueFromRow);
            w.Write((int)m.Status);
            Opt(w, m.Closed);
            Opt(w, m.Result);
            Pooled(w, m.FollowUp, pool);
            Opt(w, m.RevisionNote);
            Pooled(w, m.Source.File, pool);
            Opt(w, m.Source.Line);
            Opt(w, m.Source.Column);
            w.Write(m.ContentSha256);
        }
    }

    private static Entry ReadEntry(WrittenBytes r, ReadPool pool)
    {
        // The file's path is named again by its first dependency and by its disclosure: one string for the three.
        var fileAt = r.SkipString();
        var file = r.StringAt(fileAt.Start, fileAt.End);
        var deps = new (string, Stamp)[r.ReadInt32()];
        for (var i = 0; i < deps.Length; i++)
        {
            deps[i] = (r.ReadString(file, fileAt), new Stamp(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64()));
        }

        var claimed = r.ReadBoolean();
        var findings = ReadFindings(r, pool);
        var checks = r.ReadBoolean() ? new PerFileFindings(ReadFindings(r, pool), ReadFindings(r, pool)) : null;
        return (Holds)r.ReadByte() switch
        {
            Holds.Nothing => new Entry(file, deps, claimed, null, findings, checks),
            Holds.Disclosure => new Entry(file, deps, claimed, ReadDisclosure(r, pool, file, fileAt), findings, checks),
            Holds.Requests => new Entry(file, deps, claimed, null, findings, checks, Requests: ReadRequests(r, pool, file, fileAt)),
            Holds.Decision => new Entry(file, deps, claimed, null, findings, checks, Decision: ReadDecision(r, pool, file, fileAt)),
            _ => throw new FormatException("unknown kind of cached file"),
        };
    }

    private static Decision ReadDecision(WrittenBytes r, ReadPool pool, string file, (int Start, int End) fileAt)
    {
        var unit = Pooled(r, pool)!;
        var slug = r.ReadString();
        var decisionFile = r.ReadString(file, fileAt);
        var title = r.ReadString();
        var item = Pooled(r, pool);
        var steps = NewArray<DecisionStep>(r.ReadInt32());
        for (var i = 0; i < steps.Length; i++)
        {
            var id = Pooled(r, pool)!;
            var date = DateOnly.FromDayNumber(r.ReadInt32());
            var minutes = OptString(r);
            var votes = r.ReadBoolean() ? new Votes(OptInt(r), OptInt(r), OptInt(r), OptInt(r)) : null;
            steps[i] = new DecisionStep(id, date, minutes, votes, new SourceRef(Pooled(r, pool)!, OptInt(r), OptInt(r)));
        }

        var status = (DecisionStatus)r.ReadInt32();
        var result = OptString(r);
        return new Decision(unit, slug, decisionFile, title, item, steps, status, result) { Text = r.ReadString() };
    }

    private static RequestLog ReadRequests(WrittenBytes r, ReadPool pool, string file, (int Start, int End) fileAt)
    {
        var unit = Pooled(r, pool)!;
        var logFile = r.ReadString(file, fileAt);
        var requesterColumn = r.ReadInt32();
        var personalData = r.ReadBoolean() ? ReadFindings(r, pool) : null;
        var table = ReadTable(r, pool, logFile, fileAt);
        var matters = NewArray<RequestMatter>(r.ReadInt32());
        for (var i = 0; i < matters.Length; i++)
        {
            var matterUnit = Pooled(r, pool)!;
            var number = r.ReadString();
            var received = DateOnly.FromDayNumber(r.ReadInt32());
            var requester = r.ReadString();
            var subject = r.ReadString();
            var category = Pooled(r, pool)!;
            var handler = Pooled(r, pool);
            var due = DateOnly.FromDayNumber(r.ReadInt32());
            var dueFromRow = r.ReadBoolean();
            var status = (RequestStatus)r.ReadInt32();
            var closed = OptDate(r);
            var result = OptString(r);
            var followUp = Pooled(r, pool);
            var revisionNote = OptString(r);
            var source = new SourceRef(Pooled(r, pool)!, OptInt(r), OptInt(r));
            matters[i] = new RequestMatter(matterUnit, number, received, requester, subject, category, handler, due, dueFromRow, status, closed, result, followUp, revisionNote, source)
            {
                ContentSha256 = r.ReadString(),
            };
        }

        return new RequestLog(unit, logFile, matters, table, requesterColumn) { PersonalData = personalData };
    }

    private static Finding[] ReadFindings(WrittenBytes r, ReadPool pool)
    {
        var findings = NewArray<Finding>(r.ReadInt32());
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = new Finding(
                Pooled(r, pool)!,
                (Severity)r.ReadInt32(),
                new LocalizedText(r.ReadString(), r.ReadString()),
                Pooled(r, pool),
                Pooled(r, pool),
                Pooled(r, pool),
                Pooled(r, pool),
                OptInt(r),
                OptInt(r),
                OptInt(r));
        }

        return findings;
    }

    private static Disclosure ReadDisclosure(WrittenBytes r, ReadPool pool, string file, (int Start, int End) fileAt)
    {
        var unit = Pooled(r, pool)!;
        var period = Period.TryParse(Pooled(r, pool), out var p) ? p : throw new FormatException("period");
        var slug = Pooled(r, pool)!;
        var dfile = r.ReadString(file, fileAt);
        var item = Pooled(r, pool)!;
        var strings = pool.Shared;
        string? title = null;
        var titleAt = (Start: 0, End: 0);
        if (r.ReadBoolean())
        {
            titleAt = r.SkipString();
            title = strings.Intern(r.StringAt(titleAt.Start, titleAt.End));
        }

        var published = OptDate(r);
        var publishAt = OptDate(r);
        var withdrawAt = OptDate(r);
        var nil = strings.InternOrNull(OptString(r));
        var corrects = OptString(r);
        var revisionNote = strings.InternOrNull(OptString(r));
        var withdrawn = strings.InternOrNull(OptString(r));
        var opening = OptDecimal(r);
        var closing = OptDecimal(r);
        var tableRefs = NewArray<TableRef>(r.ReadInt32());
        var tableRefsAt = NewArray<(int Start, int End)>(tableRefs.Length);
        for (var i = 0; i < tableRefs.Length; i++)
        {
            tableRefsAt[i] = r.SkipString();
            tableRefs[i] = new TableRef(strings.Intern(r.StringAt(tableRefsAt[i].Start, tableRefsAt[i].End)), SchemaNamed(Pooled(r, pool)), Pooled(r, pool), OptString(r));
        }

        var attachments = NewArray<string>(r.ReadInt32());
        for (var i = 0; i < attachments.Length; i++)
        {
            attachments[i] = r.ReadString();
        }

        var meta = new FrontMatter(item, title, published, publishAt, withdrawAt, nil, corrects, revisionNote, withdrawn, opening, closing, tableRefs, attachments);
        // Most disclosures' title is the one their front matter gives: that string, not decoded again.
        var dtitle = title is null ? strings.Intern(r.ReadString()) : strings.Intern(r.ReadString(title, titleAt));
        // The body stays encoded where it lies in the mapped file until something asks for it (most builds: nothing).
        var body = new EncodedText(r.ReadStringBytes(), r.ReadBoolean());
        var bodyLine = r.ReadInt32();
        var frontMatterPersonalData = ReadFindings(r, pool);
        var contentSha256 = r.ReadString();
        var tables = NewArray<Table>(r.ReadInt32());
        for (var t = 0; t < tables.Length; t++)
        {
            // A table's file is the one its front matter names (in the same order): that string, not a second one.
            tables[t] = t < tableRefs.Length ? ReadTable(r, pool, tableRefs[t].File, tableRefsAt[t]) : ReadTable(r, pool, null, default);
        }

        return new Disclosure(unit, period, slug, dfile, meta, dtitle, null!, bodyLine, tables, frontMatterPersonalData) { ContentSha256 = contentSha256, EncodedBody = body };
    }

    /// <summary>A table as <see cref="WriteTable"/> wrote it; its file is <paramref name="file"/> itself when the bytes are those at <paramref name="fileAt"/>.</summary>
    private static Table ReadTable(WrittenBytes r, ReadPool pool, string? file, (int Start, int End) fileAt)
    {
        var tfile = file is null ? r.ReadString() : r.ReadString(file, fileAt);
        var schema = SchemaNamed(Pooled(r, pool));
        var caption = Pooled(r, pool);
        var headerLine = r.ReadInt32();
        var tableUnit = Pooled(r, pool);
        var notes = NewArray<string>(r.ReadInt32());
        for (var i = 0; i < notes.Length; i++)
        {
            notes[i] = r.ReadString();
        }

        var signature = NewArray<SignatureLine>(r.ReadInt32());
        for (var i = 0; i < signature.Length; i++)
        {
            var line = r.ReadInt32();
            var parts = NewArray<string>(r.ReadInt32());
            for (var j = 0; j < parts.Length; j++)
            {
                parts[j] = Pooled(r, pool)!;
            }

            signature[i] = new SignatureLine(line, parts);
        }

        var columns = NewArray<string>(r.ReadInt32());
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Pooled(r, pool)!;
        }

        // The rows stay encoded, a slice of the mapped file.
        var rows = PackedRows.FromEncoded(r.ReadMemory(r.ReadInt32()), r.Verified);
        return new Table(tfile, schema, caption, columns, rows, headerLine) { Unit = tableUnit, Notes = notes, Signature = signature };
    }

    private static void Opt(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            w.Write(s);
        }
    }

    private static void Opt(BinaryWriter w, int? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    private static void Opt(BinaryWriter w, DateOnly? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x.DayNumber);
        }
    }

    private static void Opt(BinaryWriter w, decimal? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    /// <summary>A schema as the cache wrote it (its name); an unknown one is a damaged cache, read as a miss.</summary>
    private static TableSchema SchemaNamed(string? name) =>
        TableSchema.Named(name) ?? throw new FormatException("unknown table schema in the input cache: " + name);

    /// <summary>A string that repeats across a unit's files (codes, units, periods, schemas, column names): written once, then by number.</summary>
    private static void Pooled(BinaryWriter w, string? s, Dictionary<string, int> pool)
    {
        if (s is null)
        {
            w.Write(-1);
        }
        else if (pool.TryGetValue(s, out var index))
        {
            w.Write(index);
        }
        else
        {
            w.Write(pool.Count);
            pool[s] = pool.Count;
            w.Write(s);
        }
    }

    private static string? Pooled(WrittenBytes r, ReadPool pool)
    {
        var index = r.ReadInt32();
        if (index < 0)
        {
            return null;
        }

        var numbered = pool.Numbered;
        if (index == numbered.Count)
        {
            numbered.Add(pool.Shared.Intern(r.ReadString()));
        }

        return numbered[index];
    }

    /// <summary>The pooled strings of one cache file so far (by number), each taken from the load's <see cref="StringPool"/>.</summary>
    private sealed class ReadPool(StringPool shared)
    {
        public List<string> Numbered { get; } = [];

        public StringPool Shared => shared;
    }

    /// <summary>An array of <paramref name="length"/> items; the shared empty one for none (most disclosures have no attachment).</summary>
    private static T[] NewArray<T>(int length) => length == 0 ? [] : new T[length];

    private static string? OptString(WrittenBytes r) => r.ReadBoolean() ? r.ReadString() : null;

    private static int? OptInt(WrittenBytes r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static DateOnly? OptDate(WrittenBytes r) => r.ReadBoolean() ? DateOnly.FromDayNumber(r.ReadInt32()) : null;

    private static decimal? OptDecimal(WrittenBytes r) => r.ReadBoolean() ? r.ReadDecimal() : null;
}

/// <summary>
/// The input cache's entries kept in memory between loads of one long-lived process (<c>disclosure preview</c>'s
/// <see cref="Site.SiteSession"/>): a unit's entries are taken from here instead of its cache file, and every file they
/// were read from is still checked by its stamp, so an entry is used only while its files are unchanged, exactly as
/// with the file. Entries are immutable and shared.
/// </summary>
public sealed class InputCacheMemory
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Fingerprint, Dictionary<string, InputCache.Entry> Entries)> _units = new(StringComparer.Ordinal);

    /// <summary>The entries kept for a unit's cache file with this fingerprint, or null.</summary>
    internal Dictionary<string, InputCache.Entry>? Take(string path, string fingerprint) =>
        _units.TryGetValue(path, out var kept) && kept.Fingerprint == fingerprint ? kept.Entries : null;

    /// <summary>Remembers what a load of the unit found valid (the entries it used or stored).</summary>
    internal void Keep(string path, string fingerprint, IReadOnlyList<InputCache.Entry> entries)
    {
        var map = new Dictionary<string, InputCache.Entry>(entries.Count, StringComparer.Ordinal);
        foreach (var e in entries)
        {
            map[e.File] = e;
        }

        _units[path] = (fingerprint, map);
    }
}
