using System.Text.RegularExpressions;
using DisclosureSite.Model;
using DisclosureSite.Model.PersonalData;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Loading;

/// <summary>Reads <c>disclosures/&lt;unit&gt;/&lt;period&gt;/&lt;slug&gt;.md</c> with its front matter and table files (SPEC §4).</summary>
public static partial class DisclosureLoader
{
    public const string Folder = "disclosures";

    public static readonly IReadOnlyList<string> Keys =
    [
        "item", "title", "published", "publish_at", "withdraw_at", "nil", "corrects", "revision_note", "withdrawn",
        "opening_balance", "closing_balance", "tables", "attachments",
    ];

    private static readonly string[] TableKeys = ["file", "schema", "caption", "sheet"];

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    /// <summary>
    /// Loads every disclosure of the input folder; unknown units and bad period folders are findings. Unit folders
    /// are read in parallel, each into its own findings, which are then merged in folder order so the result does
    /// not depend on scheduling.
    /// </summary>
    public static IReadOnlyList<Disclosure> LoadAll(InputFolder input, IReadOnlyDictionary<string, Unit> units, RuleSet rules, FindingSink sink, InputCache? cache = null) =>
        LoadAll(input, units, rules, sink, cache, cache?.Checks, perFile: null);

    /// <summary>
    /// As above; the findings of <paramref name="checks"/> go into <paramref name="perFile"/>: through the cache, kept
    /// with each file it loads afresh; without it, run on each file as it is loaded, its rows decoded once for all of
    /// them — validation would otherwise decode every table twice more (the content checks and the personal-data scan,
    /// each on its own).
    /// </summary>
    internal static IReadOnlyList<Disclosure> LoadAll(InputFolder input, IReadOnlyDictionary<string, Unit> units, RuleSet rules, FindingSink sink, InputCache? cache, IPerFileChecks? checks, Dictionary<Disclosure, PerFileFindings>? perFile)
    {
        var unitDirs = input.Directories(Folder);
        var perUnit = new (List<Disclosure> Disclosures, FindingSink Sink, Dictionary<Disclosure, PerFileFindings> Checks)[unitDirs.Count];
        var strings = new StringPool();
        Parallel.For(0, unitDirs.Count, i =>
        {
            var unitSink = new FindingSink();
            var unitChecks = new Dictionary<Disclosure, PerFileFindings>(ReferenceEqualityComparer.Instance);
            perUnit[i] = (LoadUnit(input, unitDirs[i], units, rules, unitSink, cache, checks, strings, unitChecks), unitSink, unitChecks);
        });

        var result = new List<Disclosure>(perUnit.Sum(u => u.Disclosures.Count));
        perFile?.EnsureCapacity(perFile.Count + perUnit.Sum(u => u.Checks.Count));
        foreach (var (disclosures, unitSink, unitChecks) in perUnit)
        {
            result.AddRange(disclosures);
            sink.AddRange(unitSink.Findings);
            foreach (var (d, found) in unitChecks)
            {
                perFile?.Add(d, found);
            }
        }

        CheckCorrections(result, sink);
        return result;
    }

    private static List<Disclosure> LoadUnit(InputFolder input, string unitDir, IReadOnlyDictionary<string, Unit> units, RuleSet rules, FindingSink sink, InputCache? cache, IPerFileChecks? checks, StringPool strings, Dictionary<Disclosure, PerFileFindings> perFile)
    {
        var result = new List<Disclosure>();
        var unitId = Path.GetFileName(unitDir);
        if (!units.TryGetValue(unitId, out var unit))
        {
            sink.Report(FindingCodes.UnknownUnit, new SourceRef(unitDir), Messages.UnknownUnitFolder(unitId));
            return result;
        }

        var unitCache = cache?.OpenUnit(input, unit, strings);
        if (unitCache is not null)
        {
            // Sized once for the unit's files, not grown entry by entry (each growth rehashes what is there).
            perFile.EnsureCapacity(unitCache.Count);
        }

        foreach (var stray in input.Files(unitDir, "*.md"))
        {
            sink.Report(FindingCodes.BadPeriod, new SourceRef(stray), Messages.MarkdownOutsidePeriod(unitId), unitId);
        }

        foreach (var periodDir in input.Directories(unitDir))
        {
            var periodText = Path.GetFileName(periodDir);
            if (!Period.TryParse(periodText, out var period) || period.ToString() != periodText)
            {
                sink.Report(FindingCodes.BadPeriod, new SourceRef(periodDir), Messages.BadPeriodFolder(periodText), unitId);
                continue;
            }

            LoadPeriod(input, periodDir, unit, period, rules, sink, checks, unitCache, strings, perFile, result);
        }

        unitCache?.Save();
        return result;
    }

    /// <summary>The disclosures of one period folder, in file order (a slug is claimed by the first file that takes it).</summary>
    private static void LoadPeriod(InputFolder input, string periodDir, Unit unit, Period period, RuleSet rules, FindingSink sink, IPerFileChecks? checks, InputCache.UnitCache? unitCache, StringPool strings, Dictionary<Disclosure, PerFileFindings> perFile, List<Disclosure> result)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in input.Files(periodDir, "*").Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            var d = unitCache is null ? Load(input, file, unit, period, rules, seen, sink, null, strings) : LoadCached(input, file, unit, period, rules, seen, sink, unitCache, checks, strings, perFile);
            if (d is not null)
            {
                if (unitCache is null && checks is not null)
                {
                    perFile[d] = checks.Run(d, rules);
                }

                result.Add(d);
            }
        }
    }

    /// <summary>
    /// Loads one period folder again as <see cref="LoadAll(InputFolder, IReadOnlyDictionary{string, Unit}, RuleSet, FindingSink, InputCache?, IPerFileChecks?, Dictionary{Disclosure, PerFileFindings}?)"/>
    /// would (through <paramref name="cache"/>: its unchanged files are taken as they are), for a long-lived session that
    /// knows only this folder changed. The unit's cache keeps the entries of its other periods. The findings go into
    /// <paramref name="sink"/>, the per-file checks into <paramref name="perFile"/>; a correction that points at nothing
    /// is reported against <paramref name="all"/> (the whole site's disclosures after the reload) by the caller through
    /// <see cref="CorrectionFindings"/>.
    /// </summary>
    internal static List<Disclosure> ReloadPeriod(InputFolder input, Unit unit, Period period, RuleSet rules, FindingSink sink, InputCache cache, Dictionary<Disclosure, PerFileFindings> perFile)
    {
        var periodDir = Folder + "/" + unit.Id + "/" + period;
        var unitCache = cache.OpenUnit(input, unit);
        var result = new List<Disclosure>();
        LoadPeriod(input, periodDir, unit, period, rules, sink, cache.Checks, unitCache, new StringPool(), perFile, result);
        unitCache.SaveKeepingOthers(periodDir + "/");
        return result;
    }

    /// <summary>The findings of corrections among <paramref name="which"/> that point at no disclosure of <paramref name="all"/>.</summary>
    internal static IReadOnlyList<Finding> CorrectionFindings(IEnumerable<Disclosure> which, List<Disclosure> all)
    {
        var sink = new FindingSink();
        CheckCorrections(which, all, sink);
        return sink.Findings;
    }

    /// <summary>
    /// <see cref="Load"/> through the input cache: the URL-collision check runs as always (it depends on the other
    /// files of the period); the rest — the disclosure, its findings and whether it claimed its slug — comes from the
    /// cache when the file and everything it references are unchanged.
    /// </summary>
    private static Disclosure? LoadCached(InputFolder input, string file, Unit unit, Period period, RuleSet rules, Dictionary<string, string> seenSlugs, FindingSink sink, InputCache.UnitCache cache, IPerFileChecks? checks, StringPool strings, Dictionary<Disclosure, PerFileFindings> perFile)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var slug = name.ToLowerInvariant();
        if (FileName().IsMatch(name) && seenSlugs.ContainsKey(slug))
        {
            return Load(input, file, unit, period, rules, seenSlugs, sink, null, strings);
        }

        if (cache.Find(file) is { } hit)
        {
            sink.AddRange(hit.Findings);
            if (hit.Disclosure is not null && hit.Checks is not null)
            {
                perFile[hit.Disclosure] = hit.Checks;
            }

            if (hit.ClaimedSlug)
            {
                seenSlugs[slug] = file;
            }

            return hit.Disclosure;
        }

        var looked = new List<(string Path, InputCache.Stamp Stamp)> { (file, InputCache.StampOf(input.Root, file)) };
        var own = new FindingSink();
        var d = Load(input, file, unit, period, rules, seenSlugs, own, looked, strings);
        sink.AddRange(own.Findings);
        var found = d is null ? null : checks?.Run(d, rules);
        if (d is not null && found is not null)
        {
            perFile[d] = found;
        }

        cache.Store(file, looked, seenSlugs.TryGetValue(slug, out var claimer) && claimer == file, d, own.Findings.ToList(), found);
        return d;
    }

    /// <summary>
    /// Loads one disclosure file, in the order its findings are reported: its slug must be free in the period; its text
    /// splits into front matter and body; the front matter names a catalogue item that fits the period; the file name
    /// claims the slug; the front matter's fields and <c>tables:</c> are read; the tables and attachments they reference
    /// are read and checked; the body is admitted. Strings that repeat across disclosures (item, slug, title, table
    /// names, schemas, captions, columns) are taken from <paramref name="strings"/>, and empty lists are the shared empty
    /// array: a county has 62,000 of each.
    /// </summary>
    private static Disclosure? Load(InputFolder input, string file, Unit unit, Period period, RuleSet rules, Dictionary<string, string> seenSlugs, FindingSink sink, List<(string Path, InputCache.Stamp Stamp)>? looked, StringPool strings)
    {
        var at = new FileAt(input, file, unit, period.ToString(), sink, looked, strings);
        var name = Path.GetFileNameWithoutExtension(file);
        var slug = strings.Intern(name.ToLowerInvariant());
        var nameOk = FileName().IsMatch(name);
        if (nameOk && seenSlugs.TryGetValue(slug, out var other))
        {
            sink.Report(FindingCodes.Duplicate, new SourceRef(file), Messages.UrlCollision(file, other, slug), unit.Id, at.Period);
            return null;
        }

        if (ReadFrontMatter(at) is not { } front)
        {
            return null;
        }

        var (text, parts, map) = front;

        var f = new YamlFields(map, file, sink, Keys, 1, unit.Id, at.Period);
        var (itemId, item) = ReadItem(at, f, period, rules);
        ClaimSlug(at, name, slug, nameOk, itemId, seenSlugs);
        var tables = ReadTableRefs(at, f, itemId);
        var meta = ReadMeta(f, itemId, tables, strings);

        // What the content hash needs of each file, as read here (the .md and table files are not read again for it).
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [file] = ContentHash.NormalizedText(text) };
        var published = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var loadedTables = ReadTables(at, f, itemId, tables, rules, published, contents);
        var attachments = ReadAttachments(at, f, itemId, meta.Attachments, published, contents);
        if (!MarkdownBody.Admit(parts.Body, file, parts.BodyLine, sink, unit.Id, at.Period, itemId) || itemId is null || item is null)
        {
            return null;
        }

        var title = meta.Title ?? strings.Intern(item.TitleIn(period));
        IReadOnlyList<Table> tablesRead = loadedTables.Count == 0 ? [] : loadedTables.ToArray();
        var frontMatterPersonalData = ScanFrontMatter(map, file, unit.Id, at.Period, itemId);
        return new Disclosure(unit.Id, period, slug, file, meta with { Attachments = attachments.Count == 0 ? [] : attachments.ToArray() }, title, parts.Body, parts.BodyLine, tablesRead, frontMatterPersonalData)
        {
            ContentSha256 = ContentSha256(input, file, loadedTables, attachments, contents),
        };
    }

    /// <summary>
    /// The disclosure file being loaded and where its findings go: its unit and period (every finding names them), the
    /// files it references (for the input cache, when there is one) and the string pool.
    /// </summary>
    private sealed record FileAt(InputFolder Input, string File, Unit Unit, string Period, FindingSink Sink, List<(string Path, InputCache.Stamp Stamp)>? Looked, StringPool Strings);

    /// <summary>The file's text, and it split into its front matter (a YAML mapping) and its body; null with a finding when it is not one.</summary>
    private static (string Text, FrontMatterText.Parts Parts, YamlMappingNode Map)? ReadFrontMatter(FileAt at)
    {
        var text = TextFile.Read(at.Input, at.File, at.Sink);
        if (text is null)
        {
            return null;
        }

        var parts = FrontMatterText.Split(text, at.File, at.Sink, at.Unit.Id, at.Period);
        if (parts is null)
        {
            return null;
        }

        var mark = at.Sink.Count;
        var node = YamlText.Parse(parts.Yaml, at.File, at.Sink, lineOffset: 1);
        if (node is not YamlMappingNode map)
        {
            if (at.Sink.ErrorsSince(mark) == 0)
            {
                at.Sink.Report(FindingCodes.MissingField, new SourceRef(at.File, 2, 1), Messages.MissingKey("item"), at.Unit.Id, at.Period);
            }

            return null;
        }

        return (text, parts, map);
    }

    /// <summary><c>item:</c>, required: a catalogue item of the unit's level whose schedule the period fits (null item with a finding otherwise).</summary>
    private static (string? Id, CatalogueItem? Item) ReadItem(FileAt at, YamlFields f, Period period, RuleSet rules)
    {
        var itemId = at.Strings.InternOrNull(f.String("item", required: true));
        if (itemId is null)
        {
            return (null, null);
        }

        var item = rules.FindItem(at.Unit.Level, itemId);
        if (item is null)
        {
            f.ReportAt("item", FindingCodes.UnknownItem, Messages.UnknownItem(itemId, at.Unit.Level, rules));
        }
        else if (!Fits(period, item.Schedule))
        {
            at.Sink.Report(FindingCodes.BadPeriod, f.AtKey("item"), Messages.PeriodDoesNotFitSchedule(itemId, at.Period, item.Schedule), at.Unit.Id, at.Period, itemId);
        }

        return (itemId, item);
    }

    /// <summary>A well-formed file name claims its slug in the period; another is a finding with a name to use instead.</summary>
    private static void ClaimSlug(FileAt at, string name, string slug, bool nameOk, string? itemId, Dictionary<string, string> seenSlugs)
    {
        if (nameOk)
        {
            seenSlugs[slug] = at.File;
            return;
        }

        var suggestion = itemId is not null ? itemId[(itemId.IndexOf('.', StringComparison.Ordinal) + 1)..] : UnitsLoader.SuggestSlug(name);
        at.Sink.Report(FindingCodes.BadName, new SourceRef(at.File), Messages.BadFileName(Path.GetFileName(at.File), suggestion + ".md"), at.Unit.Id, at.Period, itemId);
    }

    /// <summary><c>tables:</c> — each a file name (a generic table) or a mapping of file, schema, caption and sheet.</summary>
    private static List<TableRef> ReadTableRefs(FileAt at, YamlFields f, string? itemId)
    {
        var tables = new List<TableRef>();
        foreach (var tnode in f.Sequence("tables")?.Children ?? [])
        {
            switch (tnode)
            {
                case YamlScalarNode { Value: { Length: > 0 } v }:
                    tables.Add(new TableRef(at.Strings.Intern(v.Trim()), TableSchema.Generic, null));
                    break;
                case YamlMappingNode tm:
                    var tf = new YamlFields(tm, at.File, at.Sink, TableKeys, 1, at.Unit.Id, at.Period, itemId);
                    var tfile = tf.String("file", required: true);
                    var schemaName = tf.String("schema");
                    var schema = schemaName is null ? TableSchema.Generic : TableSchema.Named(schemaName, TableSchema.OfDisclosures);
                    if (schema is null)
                    {
                        tf.ReportAt("schema", FindingCodes.Syntax, Messages.BadSchema(schemaName!));
                        schema = TableSchema.Generic;
                    }

                    if (tfile is not null)
                    {
                        tables.Add(new TableRef(at.Strings.Intern(tfile), schema, at.Strings.InternOrNull(tf.String("caption")), tf.String("sheet")));
                    }

                    break;
                default:
                    at.Sink.Report(FindingCodes.Syntax, tnode.At(at.File, 1), Messages.ExpectedMapping("tables"), at.Unit.Id, at.Period, itemId);
                    break;
            }
        }

        return tables;
    }

    /// <summary>The front matter's fields (SPEC §4), in the order of <see cref="Keys"/>.</summary>
    private static FrontMatter ReadMeta(YamlFields f, string? itemId, List<TableRef> tables, StringPool strings) => new(
        itemId ?? string.Empty,
        strings.InternOrNull(f.String("title")),
        f.Date("published"),
        f.Date("publish_at"),
        f.Date("withdraw_at"),
        strings.InternOrNull(f.String("nil")),
        f.String("corrects"),
        strings.InternOrNull(f.String("revision_note")),
        strings.InternOrNull(f.String("withdrawn")),
        f.Decimal("opening_balance"),
        f.Decimal("closing_balance"),
        tables.Count == 0 ? [] : tables.ToArray(),
        f.StringList("attachments"));

    /// <summary>
    /// Reads the tables <c>tables:</c> references: each must resolve inside the input, be a table file, and publish a
    /// download name no other file of the page uses (<paramref name="published"/>). Their normalized contents go into
    /// <paramref name="contents"/> for the content hash.
    /// </summary>
    private static List<Table> ReadTables(FileAt at, YamlFields f, string? itemId, List<TableRef> tables, RuleSet rules, Dictionary<string, string> published, Dictionary<string, byte[]> contents)
    {
        var loaded = new List<Table>();
        foreach (var t in tables)
        {
            var key = f.AtKey("tables");
            var resolved = at.Input.ResolveReference(at.File, t.File, key, at.Sink, at.Looked, at.Unit.Id, at.Period, itemId);
            if (resolved is null)
            {
                continue;
            }

            if (!TableReader.Extensions.Contains(Path.GetExtension(resolved).ToLowerInvariant()))
            {
                at.Sink.Report(FindingCodes.BadReference, key, Messages.TableExtension(t.File), at.Unit.Id, at.Period, itemId);
                continue;
            }

            // Each table is published as its own CSV beside the page: a table listed twice, or ledger.csv beside
            // ledger.xlsx, would write one file twice.
            if (!published.TryAdd(Table.DownloadName(resolved), t.File))
            {
                at.Sink.Report(FindingCodes.Duplicate, key, Messages.DuplicatePublishedFile(t.File, published[Table.DownloadName(resolved)], Table.DownloadName(resolved)), at.Unit.Id, at.Period, itemId);
                continue;
            }

            if (TableReader.Read(at.Input, resolved, t, rules, key, at.Sink, out var content, at.Strings, at.Unit.Id, at.Period, itemId) is { } table)
            {
                loaded.Add(table);
                contents.TryAdd(resolved, content!);
            }
        }

        return loaded;
    }

    /// <summary>The attachments that resolve inside the input and pass <see cref="CheckAttachment"/>, as input-relative paths.</summary>
    private static List<string> ReadAttachments(FileAt at, YamlFields f, string? itemId, IReadOnlyList<string> references, Dictionary<string, string> published, Dictionary<string, byte[]> contents)
    {
        var attachments = new List<string>();
        foreach (var a in references)
        {
            if (at.Input.ResolveReference(at.File, a, f.AtKey("attachments"), at.Sink, at.Looked, at.Unit.Id, at.Period, itemId) is { } resolved
                && CheckAttachment(at.Input, a, resolved, f.AtKey("attachments"), published, at.Sink, at.Unit.Id, at.Period, itemId) is { } content)
            {
                attachments.Add(resolved);
                contents.TryAdd(resolved, ContentHash.Normalize(content, resolved));
            }
        }

        return attachments;
    }

    /// <summary>
    /// An attachment is published as it is, so it must be safe to serve (issue 12, class 3): a name like a disclosure's
    /// (ASCII letters, digits, <c>-</c>, <c>_</c>; no <c>#</c>, <c>?</c>, spaces or direction marks), a type on
    /// <see cref="AttachmentTypes"/>' list whose content matches the name, and a name no other file of the page uses.
    /// Returns its bytes, or null with a finding.
    /// </summary>
    private static byte[]? CheckAttachment(InputFolder input, string reference, string resolved, SourceRef at, Dictionary<string, string> published, FindingSink sink, string unit, string period, string? item)
    {
        var name = Path.GetFileName(resolved);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        if (!FileName().IsMatch(stem) || !FileName().IsMatch(extension.TrimStart('.')))
        {
            var suggested = UnitsLoader.SuggestSlug(stem) + (AttachmentTypes.IsListed(name) ? extension.ToLowerInvariant() : ".pdf");
            sink.Report(FindingCodes.BadName, at, Messages.BadAttachmentName(reference, suggested), unit, period, item);
            return null;
        }

        if (!AttachmentTypes.IsListed(name))
        {
            sink.Report(FindingCodes.UnsafeAttachment, at, Messages.AttachmentTypeNotAllowed(reference, AttachmentTypes.Extensions), unit, period, item);
            return null;
        }

        var content = input.ReadBytes(resolved, Model.InputLimits.MaxAttachmentBytes, sink, unit, period, item);
        if (content is null)
        {
            return null;
        }

        if (!AttachmentTypes.IsSafe(name, content))
        {
            sink.Report(FindingCodes.UnsafeAttachment, at, Messages.AttachmentContentMismatch(reference, extension.ToLowerInvariant()), unit, period, item);
            return null;
        }

        if (!published.TryAdd(name, reference))
        {
            sink.Report(FindingCodes.Duplicate, at, Messages.DuplicatePublishedFile(reference, published[name], name), unit, period, item);
            return null;
        }

        return content;
    }

    /// <summary>
    /// <see cref="ContentHash.Of"/> of the disclosure, from the content already read where there is one
    /// (<paramref name="read"/>: the .md and table files, normalized) and from disk for the rest (attachments).
    /// </summary>
    private static string ContentSha256(InputFolder input, string file, List<Table> tables, List<string> attachments, Dictionary<string, byte[]> read) =>
        ContentHash.OfNormalized(
            ContentHash.FilesOf(file, tables, attachments),
            f => read.TryGetValue(f, out var content) ? content : ContentHash.NormalizedBytes(input.FullPath(f), f));

    /// <summary>
    /// The personal data in a disclosure's front matter, scanned as it is published: every key and value as YAML parses
    /// it (so <c>"\u0031\u0033\u0038…"</c> and other escapes are read as the digits they become), at its line in the
    /// file. Scanned while loading, so the text need not be kept.
    /// </summary>
    private static IReadOnlyList<Finding> ScanFrontMatter(YamlMappingNode frontMatter, string file, string unit, string period, string item)
    {
        var findings = new List<Finding>();
        var stack = new Stack<YamlNode>();
        stack.Push(frontMatter);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalarNode { Value: { } value } scalar:
                    var at = scalar.At(file, Disclosure.FrontMatterLine - 1);
                    foreach (var m in Model.PersonalData.PersonalDataScanner.Scan(value))
                    {
                        findings.Add(Model.PersonalData.PersonalDataFindings.Make(m, $"第 {at.Line} 行", $"line {at.Line}", file, at.Line, at.Column, unit, period, item));
                    }

                    break;
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children.Reverse())
                    {
                        stack.Push(value);
                        stack.Push(key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children.Reverse())
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return findings.Count == 0 ? [] : findings.ToArray();
    }

    /// <summary>A disclosure may sit in a period of its item's schedule or in a shorter one inside it (a month of a quarter).</summary>
    public static bool Fits(Period period, PeriodKind schedule) =>
        Period.CountPerYear(period.Kind) >= Period.CountPerYear(schedule) && Period.CountPerYear(period.Kind) % Period.CountPerYear(schedule) == 0;

    /// <summary><c>corrects:</c> must name an existing disclosure of the same unit: <c>2026-Q2/finance</c>.</summary>
    private static void CheckCorrections(List<Disclosure> all, FindingSink sink) => CheckCorrections(all, all, sink);

    private static void CheckCorrections(IEnumerable<Disclosure> which, List<Disclosure> all, FindingSink sink)
    {
        foreach (var d in which.Where(x => x.IsCorrection))
        {
            if (FindCorrected(all, d) is null)
            {
                sink.Report(FindingCodes.BadReference, new SourceRef(d.File), Messages.CorrectsNothing(d.Meta.Corrects!), d.Unit, d.Period.ToString(), d.Item);
            }
        }
    }

    /// <summary>The disclosure a correction points at (<c>period/slug</c> in the same unit, or <c>unit/period/slug</c>).</summary>
    public static Disclosure? FindCorrected(IEnumerable<Disclosure> all, Disclosure correction)
    {
        var target = correction.Meta.Corrects?.Trim().Trim('/').ToLowerInvariant();
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var parts = target.Split('/');
        var (unit, period, slug) = parts.Length switch
        {
            2 => (correction.Unit, parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        return all.FirstOrDefault(x => x.Unit == unit && string.Equals(x.Period.ToString(), period, StringComparison.OrdinalIgnoreCase) && x.Slug == slug && !ReferenceEquals(x, correction));
    }
}
