using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Steps;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render;

/// <summary>
/// A digest of what each site-wide render step reads (its named <see cref="RenderStep{TInput}"/> input, narrowed to
/// what its pages and data files show), made without building any view: a step whose digest equals the previous
/// build's has every file it wrote then taken over unchanged (<see cref="Write.SiteOutput.TryReuseStep"/>) and is not
/// run. The digests are of derived data (dates, statuses, compliance entries), so a change that reaches a page only
/// through Git or the ledger changes them too.
/// <para>
/// A disclosure is digested as lists show it (<see cref="WriteListing"/>): everything but its Markdown body and its tables'
/// rows, which only its own item page shows. The steps that read more say so: the data downloads every content hash;
/// unit pages are tagged one by one (<see cref="UnitTag"/>, with the rows of the unit's finance ledgers: <see cref="ViewFactory.Money"/>). Item pages (each item's files tagged by its
/// own digest, <see cref="Steps.RenderItemPages"/>) and the steps that take a few milliseconds have no digest (null):
/// they run every build. Each part is worked out once, when a step first asks for it.
/// </para>
/// <para>
/// The listing and the compliance matrix are digested unit by unit — one digest of the text of each unit's disclosures
/// (or entries), made in parallel with no per-object digest and no shared table — and the whole as the digest of the
/// units' digests: a unit page's tag takes its unit's part. In a long-lived session (<see cref="Remember"/>, the preview)
/// each unit's part is remembered with the objects and facts it was made from, and made again only when one of them
/// changed (a reloaded disclosure is a new object, the others are the same), so an edit digests its own unit again,
/// not the site; tables (finance ledgers, 民情台账) and decision lists are remembered by identity. The digests are the
/// same with or without remembering (a build of another process compares them with the session's).
/// </para>
/// </summary>
public sealed class StepDigests
{
    private readonly SiteData _data;
    private readonly string _fingerprint;
    private readonly RenderKey _keys = new();
    private readonly Lazy<string> _site;
    private readonly Lazy<UnitGroups> _listing;
    private readonly Lazy<UnitGroups> _compliance;
    private readonly Lazy<string> _requests;
    private readonly Lazy<string> _decisions;

    public StepDigests(SiteData data, string fingerprint, DigestMemory? memory = null)
    {
        _data = data;
        _fingerprint = fingerprint;
        Memory = memory;
        _site = new(DigestSite);
        _listing = new(DigestListing);
        _compliance = new(DigestCompliance);
        _requests = new(DigestRequests);
        _decisions = new(() => Remembered(data.Decisions.Decisions, () => _keys.Of(string.Empty, data.Decisions.Decisions)));
    }

    /// <summary>
    /// Whether the per-object digests are remembered for later builds of the same process (a <see cref="SiteSession"/>):
    /// a build from a new process would only pay for keeping them.
    /// </summary>
    public bool Remember => Memory is not null;

    /// <summary>The session's memory of digests (null: a build that remembers nothing).</summary>
    public DigestMemory? Memory { get; }

    // Digests of immutable loaded objects (a list of decisions, a table), by identity.
    private ConditionalWeakTable<object, string> ByIdentity => Memory!.ByIdentity;

    private ConditionalWeakTable<RuleSet, SiteMemo> Sites => Memory!.Sites;

    /// <summary>One unit's disclosures as lists show them, as a session remembers them: the objects, their facts and corrections, and the digests.</summary>
    internal sealed record ListingMemo(Disclosure[] Members, DisclosureFacts[] Facts, Disclosure[][] Corrections, string Listing, string Contents);

    /// <summary>One unit's compliance entries as a session remembers them: the objects, whether each of their disclosures is public, and the digest.</summary>
    internal sealed record EntriesMemo(ComplianceEntry[] Members, bool[] Public, string Digest);

    internal sealed record SiteMemo(SiteSettings Settings, IReadOnlyList<Unit> Units, DateOnly AsOf, string BaseUrl, string Digest);

    /// <summary>
    /// The digests of a list grouped by unit (the public disclosures, which are sorted by unit; the compliance entries):
    /// each unit's digest of its own members (what its unit page lists), and the digest of the whole list.
    /// </summary>
    private sealed record UnitGroups(Dictionary<string, string> ByUnit, string All, string Contents)
    {
        /// <summary>Each unit's digest of its members' URLs and content hashes (the listing only: <see cref="DigestListing"/>).</summary>
        public Dictionary<string, string>? ContentsByUnit { get; init; }
    }

    /// <summary>The settings, rules, units, as-of date and base URL (the rules walked whole), remembered in a session while the same objects come back.</summary>
    private string DigestSite()
    {
        var site = _data.Site;
        if (Remember && Sites.TryGetValue(site.Rules, out var memo) && ReferenceEquals(memo.Settings, site.Settings) && memo.AsOf == site.AsOf
            && memo.BaseUrl == site.Urls.BaseUrl && memo.Units.SequenceEqual(site.Units, ReferenceEqualityComparer.Instance))
        {
            return memo.Digest;
        }

        var digest = _keys.Of(string.Empty, site.Settings, site.Rules, site.Units, site.AsOf, site.Urls.BaseUrl);
        if (Remember)
        {
            Sites.AddOrUpdate(site.Rules, new SiteMemo(site.Settings, site.Units, site.AsOf, site.Urls.BaseUrl, digest));
        }

        return digest;
    }

    /// <summary>The digest of an immutable object, remembered by its identity in a session.</summary>
    private string Remembered(object of, Func<string> digest)
    {
        if (!Remember)
        {
            return digest();
        }

        if (ByIdentity.TryGetValue(of, out var known))
        {
            return known;
        }

        var made = digest();
        ByIdentity.AddOrUpdate(of, made);
        return made;
    }

    /// <summary>The tag of a step's files in the build cache: its name and the digest of what it reads; null when it has none.</summary>
    public string? TagOf(IRenderStep step)
    {
        string[]? parts = step switch
        {
            RenderHomePage => [Site, Listing, Compliance, Requests],
            RenderPeriodPages => [Site, Compliance, Listing],
            RenderCompliancePages => [Site, Compliance, Listing, Requests],
            RenderRequestPages => [Site, Requests],
            RenderHistoryPages => [Site, Listing, _data.History.Ledger.Exists ? "ledger" : "no ledger"],
            RenderTopicPages => [Site, Listing],
            RenderDataDownloads => [Site, Listing, Contents, Decisions, Requests],
            RenderFeeds => [Site, Listing, Requests],
            _ => null,
        };
        return parts is null ? null : step.GetType().Name + ":" + _keys.Of(_fingerprint, step.GetType().Name, parts);
    }

    /// <summary>
    /// The tag of one unit's page (<see cref="RenderUnitPages"/> runs every build, each unit's page a group of its own):
    /// the site, the unit's cards, its compliance entries, its disclosures as lists show them, the tables of its finance
    /// disclosures (the money of its latest ledger) and its 民情台账 summary as the page shows it.
    /// </summary>
    public string UnitTag(Unit unit, object? requests)
    {
        var w = new StringBuilder(1 << 10);
        Field(w, Site);
        Field(w, _keys.Of(string.Empty, _data.Cards.PeopleOf(unit.Id).ToList(), _data.Cards.DutyOf(unit.Id).ToList(), _data.Cards.CommitmentsOf(unit.Id), requests));
        Field(w, _compliance.Value.ByUnit.GetValueOrDefault(unit.Id));
        Field(w, _listing.Value.ByUnit.GetValueOrDefault(unit.Id));
        foreach (var d in _data.Disclosures.Of(unit.Id))
        {
            if (d.Item.EndsWith(".finance", StringComparison.Ordinal))
            {
                foreach (var t in d.Tables)
                {
                    Field(w, TableDigest(t));
                }
            }
        }

        return "unit:" + _keys.Of(_fingerprint, nameof(RenderUnitPages), unit.Id, RenderKey.Digest(w));
    }

    /// <summary>
    /// Works out the digests several steps share (site, listing, compliance, 民情台账, decisions) at once, each with
    /// both cores, before the steps that read them start. Left to the steps, the first one to ask works a digest out while
    /// the others wait for it on the pool's threads, where its parallel loop finds no thread to help it: at 300 villages
    /// one core worked for ~0.1 s of an edit while the other idled (docs/performance.md, "Point 2, twenty-seventh round").
    /// </summary>
    public void WorkOutShared() =>
        Parallel.Invoke(() => _ = Site, () => _ = _listing.Value, () => _ = _compliance.Value, () => _ = Requests, () => _ = Decisions);

    internal string Site => _site.Value;

    /// <summary>
    /// The digest of what one unit's rows of the disclosures' data files show (<see cref="RenderDataDownloads.Row"/>): the
    /// site (units' and items' names, as-of date), the unit's disclosures as lists show them and their URLs and content
    /// hashes — the parts <see cref="TagOf"/> gives the files whole, for that unit.
    /// </summary>
    internal string UnitRows(string unit) =>
        _keys.Of(_fingerprint, "data rows", Site, _listing.Value.ByUnit.GetValueOrDefault(unit), _listing.Value.ContentsByUnit!.GetValueOrDefault(unit));

    /// <summary>
    /// The digest of what one unit's items in the manifest show (<c>GenerateManifest.Items</c>): its public disclosures as
    /// <see cref="UnitRows"/> digests them, and its told 民情台账 matters (the 民情台账 digest of the whole site).
    /// </summary>
    internal string UnitItems(string unit) =>
        _keys.Of(_fingerprint, "manifest items", Site, _listing.Value.ByUnit.GetValueOrDefault(unit), _listing.Value.ContentsByUnit!.GetValueOrDefault(unit), Requests);

    /// <summary>A key of <paramref name="text"/> (already written: a folder's files' entries in the manifest) with the tool's and theme's fingerprint.</summary>
    internal string KeyOf(string what, StringBuilder text) => _keys.Of(_fingerprint, what, RenderKey.Digest(text));

    internal string Listing => _listing.Value.All;

    internal string Contents => _listing.Value.Contents;

    internal string Compliance => _compliance.Value.All;

    internal string Requests => _requests.Value;

    internal string Decisions => _decisions.Value;

    /// <summary>
    /// Every public disclosure as lists, feeds and the site-wide data show it (<see cref="WriteListing"/>), unit by unit
    /// (the disclosures are sorted by unit first), and every public disclosure's URL and content hash (the data
    /// downloads). Each unit's part is one digest of its disclosures' text, made on one thread per unit at a time (no
    /// per-disclosure digest, no shared table); in a session, a unit's part is kept while its disclosures are the same
    /// objects with the same facts and corrections (an edit digests its own unit again, not the site).
    /// </summary>
    private UnitGroups DigestListing()
    {
        var disclosures = _data.Disclosures;
        var all = disclosures.All;
        var runs = Runs.ByUnit(all, static d => d.Unit);
        var groups = runs.Count;
        var known = Memory?.ListingGroups;
        var memos = new ListingMemo[groups];
        Parallel.For(0, groups, g =>
        {
            var (from, to) = (runs[g].Start, runs[g].Start + runs[g].Count);

            // Compared where they are first, with nothing made: in a session's rebuild most units are unchanged.
            if (known is not null && known.TryGetValue(all[from].Unit, out var kept) && SameListing(kept, disclosures, all, from, to))
            {
                memos[g] = kept;
                return;
            }

            var members = new Disclosure[to - from];
            var facts = new DisclosureFacts[members.Length];
            var corrections = new Disclosure[members.Length][];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = all[from + i];
                facts[i] = disclosures.FactsOf(members[i]);
                corrections[i] = disclosures.CorrectionsOf(members[i]).ToArray();
            }

            var w = _groupText ??= new StringBuilder(1 << 16);
            w.Clear();
            for (var i = 0; i < members.Length; i++)
            {
                WriteListing(w, members[i], facts[i], corrections[i]);
            }

            var listing = RenderKey.Digest(w);
            w.Clear();
            foreach (var d in members)
            {
                Field(w, d.UrlPath);
                Field(w, d.ContentSha256);
            }

            memos[g] = new ListingMemo(members, facts, corrections, listing, RenderKey.Digest(w));
        });

        if (Memory is { } memory)
        {
            memory.ListingGroups = memos.ToDictionary(m => m.Members[0].Unit, StringComparer.Ordinal);
        }

        var byUnit = new Dictionary<string, string>(groups, StringComparer.Ordinal);
        var contentsByUnit = new Dictionary<string, string>(groups, StringComparer.Ordinal);
        var whole = new StringBuilder(groups * 160);
        var contents = new StringBuilder(groups * 160);
        foreach (var m in memos)
        {
            var unit = m.Members[0].Unit;
            byUnit[unit] = m.Listing;
            contentsByUnit[unit] = m.Contents;
            Field(whole, unit);
            Field(whole, m.Listing);
            Field(contents, unit);
            Field(contents, m.Contents);
        }

        return new UnitGroups(byUnit, RenderKey.Digest(whole), RenderKey.Digest(contents)) { ContentsByUnit = contentsByUnit };
    }

    /// <summary>Whether <paramref name="all"/>[<paramref name="from"/>..<paramref name="to"/>] are the members the memo was made of, with the same facts and corrections.</summary>
    private static bool SameListing(ListingMemo memo, PublicDisclosures disclosures, IReadOnlyList<Disclosure> all, int from, int to)
    {
        if (memo.Members.Length != to - from)
        {
            return false;
        }

        for (var i = 0; i < memo.Members.Length; i++)
        {
            var d = all[from + i];
            var facts = disclosures.FactsOf(d);
            if (!ReferenceEquals(memo.Members[i], d) || !(ReferenceEquals(memo.Facts[i], facts) || memo.Facts[i].IsSameAs(facts)))
            {
                return false;
            }

            var kept = memo.Corrections[i];
            var n = 0;
            foreach (var c in disclosures.CorrectionsOf(d))
            {
                if (n >= kept.Length || !ReferenceEquals(kept[n], c))
                {
                    return false;
                }

                n++;
            }

            if (n != kept.Length)
            {
                return false;
            }
        }

        return true;
    }

    [ThreadStatic]
    private static StringBuilder? _groupText;

    /// <summary>
    /// One disclosure as lists show it: where it is, its front matter, its title, its tables' names and kinds, and what
    /// the site worked out of it (date and its source, status, deadline, withdrawal, what it corrects, what corrects it)
    /// — not its body nor its tables' rows, which only its own item page shows.
    /// </summary>
    private static void WriteListing(StringBuilder w, Disclosure d, DisclosureFacts facts, Disclosure[] corrections)
    {
        Field(w, "disclosure");
        Field(w, d.UrlPath);
        Field(w, d.File);
        Field(w, d.Title);
        var m = d.Meta;
        Field(w, m.Item);
        Field(w, m.Title);
        Field(w, m.Published);
        Field(w, m.PublishAt);
        Field(w, m.WithdrawAt);
        Field(w, m.Nil);
        Field(w, m.Corrects);
        Field(w, m.RevisionNote);
        Field(w, m.Withdrawn);
        Field(w, m.OpeningBalance?.ToString(CultureInfo.InvariantCulture));
        Field(w, m.ClosingBalance?.ToString(CultureInfo.InvariantCulture));
        foreach (var t in m.Tables)
        {
            Field(w, "ref");
            Field(w, t.File);
            Field(w, t.Schema.Name);
            Field(w, t.Caption);
            Field(w, t.Sheet);
        }

        foreach (var a in m.Attachments)
        {
            Field(w, "attachment");
            Field(w, a);
        }

        foreach (var t in d.Tables)
        {
            Field(w, "table");
            Field(w, t.File);
            Field(w, t.Schema.Name);
            Field(w, t.Caption);
        }

        Field(w, facts.Published);
        Field(w, facts.Source.ToString());
        Field(w, facts.Status);
        Field(w, facts.Days);
        Field(w, facts.Deadline);
        Field(w, facts.WithdrawnReason);
        Field(w, facts.Corrected?.UrlPath);
        foreach (var c in corrections)
        {
            Field(w, "corrected by");
            Field(w, c.UrlPath);
        }
    }

    /// <summary>Whether <paramref name="entries"/> are the memo's members, the same of their disclosures public.</summary>
    private static bool SameEntries(EntriesMemo memo, IEnumerable<ComplianceEntry> entries, PublicDisclosures disclosures)
    {
        var (i, k) = (0, 0);
        foreach (var e in entries)
        {
            if (i >= memo.Members.Length || !ReferenceEquals(memo.Members[i++], e))
            {
                return false;
            }

            foreach (var d in e.Disclosures)
            {
                if (k >= memo.Public.Length || memo.Public[k++] != disclosures.IsPublic(d))
                {
                    return false;
                }
            }
        }

        return i == memo.Members.Length && k == memo.Public.Length;
    }

    /// <summary>
    /// Every required-item entry (its unit, period, item, deadline, status, date and the disclosures it counts, and
    /// whether each is public), unit by unit, with the order of the units' entries in the whole matrix. In a session a
    /// unit's part is kept while its entries are the same objects and the same of their disclosures are public.
    /// </summary>
    private UnitGroups DigestCompliance()
    {
        var compliance = _data.Compliance;
        var disclosures = _data.Disclosures;

        // The matrix's order as runs of one unit's entries (each unit's own order is in its part).
        var order = new StringBuilder(1 << 12);
        var units = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var run = 0;
        foreach (var e in compliance.All)
        {
            if (!string.Equals(e.Unit.Id, current, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    Field(order, current);
                    Field(order, run.ToString(CultureInfo.InvariantCulture));
                }

                current = e.Unit.Id;
                run = 0;
                if (seen.Add(current))
                {
                    units.Add(current);
                }
            }

            run++;
        }

        if (current is not null)
        {
            Field(order, current);
            Field(order, run.ToString(CultureInfo.InvariantCulture));
        }

        var known = Memory?.EntryGroups;
        var memos = new EntriesMemo[units.Count];
        Parallel.For(0, units.Count, g =>
        {
            // Compared where they are first, with nothing made: in a session's rebuild most units are unchanged.
            if (known is not null && known.TryGetValue(units[g], out var kept) && SameEntries(kept, compliance.Of(units[g]), disclosures))
            {
                memos[g] = kept;
                return;
            }

            var members = compliance.Of(units[g]).ToArray();
            var isPublic = new bool[members.Sum(e => e.Disclosures.Count)];
            var k = 0;
            foreach (var e in members)
            {
                // By index: an enumerator through the list's interface is an object per entry (~180,000 at 300 villages).
                for (var i = 0; i < e.Disclosures.Count; i++)
                {
                    isPublic[k++] = disclosures.IsPublic(e.Disclosures[i]);
                }
            }

            var w = _groupText ??= new StringBuilder(1 << 16);
            w.Clear();
            k = 0;
            foreach (var e in members)
            {
                Field(w, "entry");
                Field(w, e.Unit.Id);
                Field(w, e.Period.ToString());
                Field(w, e.Item.Id);
                Field(w, e.Item.Level.ToString());
                Field(w, e.Deadline);
                Field(w, e.Status.ToString());
                Field(w, e.PublishedOn);
                Field(w, e.DateSource.ToString());
                Field(w, e.Days);
                for (var i = 0; i < e.Disclosures.Count; i++)
                {
                    Field(w, e.Disclosures[i].UrlPath);
                    Field(w, isPublic[k++] ? "public" : "not public");
                }
            }

            memos[g] = new EntriesMemo(members, isPublic, RenderKey.Digest(w));
        });

        if (Memory is { } memory)
        {
            memory.EntryGroups = units.Select((u, g) => (u, g)).ToDictionary(x => x.u, x => memos[x.g], StringComparer.Ordinal);
        }

        var byUnit = new Dictionary<string, string>(units.Count, StringComparer.Ordinal);
        for (var g = 0; g < units.Count; g++)
        {
            byUnit[units[g]] = memos[g].Digest;
            Field(order, units[g]);
            Field(order, memos[g].Digest);
        }

        return new UnitGroups(byUnit, RenderKey.Digest(order), string.Empty);
    }

    /// <summary>
    /// The 民情台账: every log's table (its matters are read from the table's rows with the rules, which the site's
    /// digest holds) and, for each told matter, the ledger's records of its page.
    /// </summary>
    // A session keeps the facts while the 民情台账 and the ledger are the same objects (RequestFacts.Make), and so their digest.
    private string DigestRequests() => Remembered(_data.Requests, DigestRequestsWhole);

    private string DigestRequestsWhole()
    {
        var requests = _data.Requests;
        var logs = requests.Logs.Select(l => (object)new object?[] { l.Unit, l.File, l.RequesterColumn, l.Matters.Count, TableDigest(l.Table) }).ToList();
        var told = requests.Matters.Where(m => m.IsToldOn(_data.Site.AsOf)).Select(m => (object)new object?[] { m.PageUrl, requests.RecordsOf(m) }).ToList();
        return _keys.Of(string.Empty, logs, told);
    }

    /// <summary>A table whole: its rows by the hash of their packed bytes (not decoded; XxHash128 as <see cref="RenderKey.Digest"/>), the rest walked.</summary>
    private string TableDigest(Table t) => Remembered(t, () => WalkTable(t));

    private string WalkTable(Table t) => _keys.Of(
        string.Empty,
        t.File,
        t.Schema.Name,
        t.Caption,
        t.Columns,
        t.HeaderLine,
        t.Unit,
        t.Notes,
        t.Signature,
        t.Rows is PackedRows packed ? RowsDigest(packed) : _keys.Of(string.Empty, t.Rows));

    /// <summary>The digest of packed rows' bytes, the rows kept alive while it is made (their bytes may lie in a mapped cache file).</summary>
    private static string RowsDigest(PackedRows rows)
    {
        var digest = Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(rows.Encoded));
        GC.KeepAlive(rows);
        return digest;
    }

    internal static void Field(StringBuilder w, string? value) => Field(w, value is not null, value);

    /// <summary>A date as <c>yyyy-MM-dd</c>, written as <see cref="Field(StringBuilder, string?)"/> writes its text, with no string made.</summary>
    internal static void Field(StringBuilder w, DateOnly? value)
    {
        Span<char> text = stackalloc char[16];
        var length = 0;
        if (value is { } date && !date.TryFormat(text, out length, "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a date longer than its format");
        }

        Field(w, value is not null, text[..length]);
    }

    /// <summary>A number in invariant digits, written as <see cref="Field(StringBuilder, string?)"/> writes its text, with no string made.</summary>
    internal static void Field(StringBuilder w, int? value)
    {
        Span<char> text = stackalloc char[16];
        var length = 0;
        if (value is { } number && !number.TryFormat(text, out length, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a number longer than its format");
        }

        Field(w, value is not null, text[..length]);
    }

    private static void Field(StringBuilder w, bool present, ReadOnlySpan<char> value)
    {
        if (present)
        {
            w.Append(value.Length).Append(':').Append(value);
        }
        else
        {
            w.Append('\u0002');
        }

        w.Append('\u0001');
    }
}
