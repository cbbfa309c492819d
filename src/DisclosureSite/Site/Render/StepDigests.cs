using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
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
/// A disclosure is digested as lists show it (<see cref="DigestListing"/>): everything but its Markdown body and its tables'
/// rows, which only its own item page shows. The steps that read more say so: the data downloads every content hash;
/// unit pages are tagged one by one (<see cref="UnitTag"/>, with the rows of the unit's finance ledgers: <see cref="ViewFactory.Money"/>). Item pages (each item's files tagged by its
/// own digest, <see cref="Steps.RenderItemPages"/>) and the steps that take a few milliseconds have no digest (null):
/// they run every build. Each part is worked out once, when a step first asks for it.
/// </para>
/// <para>
/// The listing and the compliance matrix are digests of one digest per disclosure and per entry; in a long-lived session
/// (<see cref="Remember"/>, the preview) each of those is remembered by the object it digests — a reloaded disclosure is
/// a new object, the others are the same — with the facts the build worked out for it, and made again only when the
/// object or its facts changed; the same for tables (finance ledgers, 民情台账), decisions and cards. The digests are the
/// same with or without remembering (a build of another process compares them with the session's).
/// </para>
/// </summary>
public sealed class StepDigests
{
    private readonly SiteData _data;
    private readonly string _fingerprint;
    private readonly RenderKey _keys = new();
    private readonly Lazy<string> _site;
    private readonly Lazy<string> _listing;
    private readonly Lazy<string> _contents;
    private readonly Lazy<string> _compliance;
    private readonly Lazy<string> _cards;
    private readonly Lazy<string> _requests;
    private readonly Lazy<string> _decisions;

    public StepDigests(SiteData data, string fingerprint, bool remember = false)
    {
        _data = data;
        _fingerprint = fingerprint;
        Remember = remember;
        _site = new(() => _keys.Of(string.Empty, data.Site.Settings, data.Site.Rules, data.Site.Units, data.Site.AsOf, data.Site.Urls.BaseUrl));
        _listing = new(DigestListing);
        _contents = new(() => Hash(w =>
        {
            foreach (var d in data.Disclosures.All)
            {
                w.Append(d.UrlPath).Append('\u0001').Append(d.ContentSha256).Append('\n');
            }
        }));
        _compliance = new(DigestCompliance);
        _cards = new(() => Remembered(data.Cards.People, () => _keys.Of(string.Empty, data.Cards.People)) + Remembered(data.Cards.Duty, () => _keys.Of(string.Empty, data.Cards.Duty))
            + Remembered(data.Cards.Commitments, () => _keys.Of(string.Empty, data.Cards.Commitments)));
        _requests = new(DigestRequests);
        _decisions = new(() => Remembered(data.Decisions.Decisions, () => _keys.Of(string.Empty, data.Decisions.Decisions)));
    }

    /// <summary>
    /// Whether the per-object digests are remembered for later builds of the same process (a <see cref="SiteSession"/>):
    /// a build from a new process would only pay for keeping them.
    /// </summary>
    public bool Remember { get; }

    // Digests of immutable loaded objects (a list of decisions, a table), by identity; and of each disclosure and
    // compliance entry with the facts of the build that made it.
    private static readonly ConditionalWeakTable<object, string> ByIdentity = new();
    private static readonly ConditionalWeakTable<Disclosure, ListingMemo> Listings = new();
    private static readonly ConditionalWeakTable<ComplianceEntry, EntryMemo> Entries = new();

    // Within one build (remembered or not), each disclosure's and entry's digest is made once: the listing and the unit
    // pages both ask for it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, string> _thisBuild = new(ReferenceEqualityComparer.Instance);

    private sealed record ListingMemo(DisclosureFacts Facts, Disclosure[] Corrections, string Digest);

    private sealed record EntryMemo(bool[] Public, string Digest);

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
        var w = new StringBuilder(1 << 12);
        Field(w, Site);
        Field(w, _keys.Of(string.Empty, _data.Cards.PeopleOf(unit.Id).ToList(), _data.Cards.DutyOf(unit.Id).ToList(), _data.Cards.CommitmentsOf(unit.Id), requests));
        foreach (var e in _data.Compliance.Of(unit.Id))
        {
            w.Append(EntryOf(e));
        }

        w.Append('\n');
        foreach (var d in _data.Disclosures.Of(unit.Id))
        {
            w.Append(ListingOf(d, _data.Disclosures));
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

    internal string Site => _site.Value;

    internal string Listing => _listing.Value;

    internal string Contents => _contents.Value;

    internal string Compliance => _compliance.Value;

    internal string Cards => _cards.Value;

    internal string Requests => _requests.Value;

    internal string Decisions => _decisions.Value;

    /// <summary>
    /// Every public disclosure as lists, feeds and the site-wide data show it: where it is, its front matter, its title,
    /// its tables' names and kinds, and what the site worked out of it (date and its source, status, deadline,
    /// withdrawal, what it corrects) — not its body nor its tables' rows.
    /// </summary>
    private string DigestListing() => Hash(w =>
    {
        var disclosures = _data.Disclosures;
        foreach (var d in disclosures.All)
        {
            w.Append(ListingOf(d, disclosures)).Append('\n');
        }
    });

    /// <summary>One disclosure as lists show it (see <see cref="DigestListing"/>), remembered in a session with the facts it was made from.</summary>
    private string ListingOf(Disclosure d, PublicDisclosures disclosures) => _thisBuild.GetOrAdd(d, _ => MakeListingOf(d, disclosures));

    private string MakeListingOf(Disclosure d, PublicDisclosures disclosures)
    {
        var facts = disclosures.FactsOf(d);
        var corrections = disclosures.CorrectionsOf(d).ToArray();
        if (Remember && Listings.TryGetValue(d, out var memo) && SameFacts(memo.Facts, facts) && memo.Corrections.AsSpan().SequenceEqual(corrections, ReferenceEqualityComparer.Instance))
        {
            return memo.Digest;
        }

        var w = _listingText ??= new StringBuilder(1024);
        w.Clear();
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
        Field(w, facts.Days?.ToString(CultureInfo.InvariantCulture));
        Field(w, facts.Deadline);
        Field(w, facts.WithdrawnReason);
        Field(w, facts.Corrected?.UrlPath);
        foreach (var c in corrections)
        {
            Field(w, "corrected by");
            Field(w, c.UrlPath);
        }

        var digest = RenderKey.Digest(w);
        if (Remember)
        {
            Listings.AddOrUpdate(d, new ListingMemo(facts, corrections, digest));
        }

        return digest;
    }

    [ThreadStatic]
    private static StringBuilder? _listingText;

    /// <summary>The facts a listing shows are the same (the disclosure corrected compared by identity: records compare bodies).</summary>
    private static bool SameFacts(DisclosureFacts a, DisclosureFacts b) =>
        a.Published == b.Published && a.Source == b.Source && a.Status == b.Status && a.Days == b.Days && a.Deadline == b.Deadline
        && a.WithdrawnReason == b.WithdrawnReason && ReferenceEquals(a.Corrected, b.Corrected);

    /// <summary>Every required-item entry: its unit, period, item, deadline, status, date and the disclosures it counts.</summary>
    private string DigestCompliance() => Hash(w =>
    {
        foreach (var e in _data.Compliance.All)
        {
            w.Append(EntryOf(e)).Append('\n');
        }
    });

    /// <summary>One entry of the matrix (see <see cref="DigestCompliance"/>), remembered in a session with whether each of its disclosures is public.</summary>
    private string EntryOf(ComplianceEntry e) => _thisBuild.GetOrAdd(e, _ => MakeEntryOf(e));

    private string MakeEntryOf(ComplianceEntry e)
    {
        var disclosures = _data.Disclosures;
        var isPublic = new bool[e.Disclosures.Count];
        for (var i = 0; i < isPublic.Length; i++)
        {
            isPublic[i] = disclosures.IsPublic(e.Disclosures[i]);
        }

        if (Remember && Entries.TryGetValue(e, out var memo) && memo.Public.AsSpan().SequenceEqual(isPublic))
        {
            return memo.Digest;
        }

        var w = _listingText ??= new StringBuilder(1024);
        w.Clear();
        Field(w, e.Unit.Id);
        Field(w, e.Period.ToString());
        Field(w, e.Item.Id);
        Field(w, e.Item.Level.ToString());
        Field(w, e.Deadline);
        Field(w, e.Status.ToString());
        Field(w, e.PublishedOn);
        Field(w, e.DateSource.ToString());
        Field(w, e.Days?.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < isPublic.Length; i++)
        {
            Field(w, e.Disclosures[i].UrlPath);
            Field(w, isPublic[i] ? "public" : "not public");
        }

        var digest = RenderKey.Digest(w);
        if (Remember)
        {
            Entries.AddOrUpdate(e, new EntryMemo(isPublic, digest));
        }

        return digest;
    }

    /// <summary>
    /// The 民情台账: every log's table (its matters are read from the table's rows with the rules, which the site's
    /// digest holds) and, for each told matter, the ledger's records of its page.
    /// </summary>
    private string DigestRequests()
    {
        var requests = _data.Requests;
        var logs = requests.Logs.Select(l => (object)new object?[] { l.Unit, l.File, l.RequesterColumn, l.Matters.Count, TableDigest(l.Table) }).ToList();
        var told = requests.Matters.Where(m => m.IsToldOn(_data.Site.AsOf)).Select(m => (object)new object?[] { m.PageUrl, requests.RecordsOf(m) }).ToList();
        return _keys.Of(string.Empty, logs, told);
    }

    /// <summary>A table whole: its rows by the SHA-256 of their packed bytes (not decoded), the rest walked.</summary>
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
        t.Rows is PackedRows packed ? Convert.ToHexStringLower(SHA256.HashData(packed.Encoded)) : _keys.Of(string.Empty, t.Rows));

    internal static void Field(StringBuilder w, string? value)
    {
        if (value is null)
        {
            w.Append('\u0002');
        }
        else
        {
            w.Append(value.Length).Append(':').Append(value);
        }

        w.Append('\u0001');
    }

    internal static void Field(StringBuilder w, DateOnly? value) => Field(w, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Hash(Action<StringBuilder> write)
    {
        var text = new StringBuilder(1 << 16);
        write(text);
        return RenderKey.Digest(text);
    }
}
