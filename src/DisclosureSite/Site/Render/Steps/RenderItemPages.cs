using DisclosureSite.Model;
using DisclosureSite.Publishing.Ledger;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/{unit}/{period}/{slug}/</c> for every public disclosure: status badge, trusted date and its source, body,
/// tables with computed totals and a chart for ledgers, links to attachments (copied by <see cref="Write.CopyAttachments"/>), corrections both ways. The page is its own print
/// view: printed, it is an A4 notice for the board with a QR code of its URL (hidden on screen). Each table is also
/// offered as a spreadsheet-safe CSV beside the page. A withdrawn disclosure gets a notice page at the same URL (never
/// a 404) and none of its content.
/// </summary>
public sealed class RenderItemPages : RenderStep<RenderItemPages.Input>
{
    /// <summary>An item page shows one public disclosure, what the site says of it and the disclosures it corrects or that correct it, and its revisions.</summary>
    public sealed record Input(SiteFacts Site, PublicDisclosures Disclosures, HistoryFacts History);

    public override Input InputOf(SiteData data) => new(data.Site, data.Disclosures, data.History);

    public override void Run(RenderContext context, Input input)
    {
        // Item pages are most of the site; they are independent, so both cores render them.
        var around = context.Digests?.Remember == true ? Around(context, input) : null;
        Parallel.ForEach(input.Disclosures.All, d => Render(context, input, d, around));
    }

    private static void Render(RenderContext context, Input input, Disclosure d, string? around)
    {
        // In a build that keeps a cache, an item's page and downloads are one group, tagged by a digest of everything
        // they are a function of (ItemTag): an unchanged item's files are taken over whole, with no page key walked.
        // In a session, an item whose sources are the same objects as last time takes its remembered tag without its
        // inputs being made (they are made only if its files are rendered).
        // Elsewhere the tag is made from the item's sources, so an item taken over makes no inputs either (they were a
        // tenth of an edit's fresh memory at 50 villages).
        var withdrawn = input.Disclosures.IsWithdrawn(d);
        ItemInputs? made = null;
        string? tag = null;
        if (around is not null && !withdrawn)
        {
            // The sources are compared where they are, with nothing made: most items of a rebuild are unchanged.
            var remembered = context.Digests!.Memory!.ItemTags.TryGetValue(d, out var known) && known is TagMemo memo && memo.Around == around && memo.Sources.IsSameAs(input, d) ? memo.Tag : null;
            tag = remembered ?? RememberedTag(context, input, d, made = InputsOf(input, d), around, SourcesOf(input, d));
        }
        else if (context.Digests is not null)
        {
            tag = ItemTag(context, input, d, withdrawn);
        }

        if (tag is not null && context.Output.TryReuseStep(tag))
        {
            return;
        }

        RenderInGroup(context, input, d, tag, withdrawn ? null : made ?? InputsOf(input, d));
    }

    /// <summary>
    /// The item's files as one group under <paramref name="tag"/>, its take-over already tried (<see cref="Write.SiteOutput.RenderUnder"/>);
    /// a method of its own, so that an item taken over makes no closure.
    /// </summary>
    private static void RenderInGroup(RenderContext context, Input input, Disclosure d, string? tag, ItemInputs? inputs) =>
        context.Output.RenderUnder(tag, () => Render(context, input, d, inputs, tag));

    /// <summary>
    /// The objects an item's <see cref="ItemInputs"/> are made from besides the disclosure itself and what
    /// <see cref="Around"/> holds: its facts, its unit and the unit above it (the issuer), its item's name, the
    /// disclosures that correct it with their facts, and its revisions. The same objects (and equal facts) give the same
    /// inputs: all of them are immutable.
    /// </summary>
    private sealed record Sources(DisclosureFacts Facts, Unit Unit, Unit? Above, string ItemName, Disclosure[] Corrections, DisclosureFacts[] CorrectionFacts, object? Revisions)
    {
        /// <summary>Whether <see cref="SourcesOf"/> of <paramref name="d"/> would be the same as these, without making them.</summary>
        public bool IsSameAs(Input input, Disclosure d)
        {
            var (site, disclosures, history) = input;
            var facts = disclosures.FactsOf(d);
            var unit = site.UnitOf(d.Unit);
            if (!(ReferenceEquals(Facts, facts) || Facts.IsSameAs(facts)) || !ReferenceEquals(Unit, unit) || ItemName != site.ItemName(unit, d.Item)
                || !ReferenceEquals(Above, unit.Parent is { Length: > 0 } parent ? site.FindUnit(parent) : null) || !ReferenceEquals(Revisions, history.RevisionsOf(d)))
            {
                return false;
            }

            var i = 0;
            foreach (var correction in disclosures.CorrectionsOf(d))
            {
                if (i >= Corrections.Length || !ReferenceEquals(Corrections[i], correction) || !CorrectionFacts[i].IsSameAs(disclosures.FactsOf(correction)))
                {
                    return false;
                }

                i++;
            }

            return i == Corrections.Length;
        }
    }

    private static Sources SourcesOf(Input input, Disclosure d)
    {
        var (site, disclosures, history) = input;
        var unit = site.UnitOf(d.Unit);
        var corrections = disclosures.CorrectionsOf(d).ToArray();
        return new Sources(
            disclosures.FactsOf(d),
            unit,
            unit.Parent is { Length: > 0 } parent ? site.FindUnit(parent) : null,
            site.ItemName(unit, d.Item),
            corrections,
            Array.ConvertAll(corrections, disclosures.FactsOf),
            history.RevisionsOf(d));
    }

    /// <summary>
    /// The item's page (or withdrawal notice) and its tables' downloads. With a <paramref name="tag"/>, the page's key
    /// is made from it (<see cref="ItemTag"/> is a digest of everything the page is a function of, title, breadcrumbs
    /// and markers included): nothing is walked to key it.
    /// </summary>
    private static void Render(RenderContext context, Input input, Disclosure d, ItemInputs? inputs, string? tag)
    {
        var (site, disclosures, _) = input;
        var unit = site.UnitOf(d.Unit);
        var crumbs = context.Crumbs(new LinkView(unit.Name, unit.Id + "/"), new LinkView(d.Period.ToChinese(), $"{unit.Id}/{d.Period}/"));
        var hashMeta = new MetaView(SiteContract.ContentHashMeta, d.ContentSha256);
        if (inputs is null)
        {
            var (date, source) = disclosures.Published(d);
            var notice = new WithdrawnView(
                d.Title,
                unit.Name,
                unit.Id + "/",
                d.Period.ToChinese(),
                $"{unit.Id}/{d.Period}/",
                site.ItemName(unit, d.Item),
                LiquidFilters.Iso(date),
                Messages.DateSourceChinese(source),
                LiquidFilters.Iso(d.Meta.WithdrawAt),
                disclosures.WithdrawalReason(d));
            context.WritePage(d.UrlPath, "withdrawn", d.Title + "（已撤下）", notice, () => notice, crumbs, [hashMeta, new MetaView(SiteContract.WithdrawnMeta, notice.Reason)], digest: tag);
            return;
        }

        // The key comes from the item's inputs, not its view: an unchanged item costs a few look-ups, not a Markdown
        // render and a walk over every table cell.
        // The page (a ledger's totals, then its rows) and each table's CSV walk the rows again and again: they are decoded
        // once, when the first of them is rendered.
        var read = new Lazy<Disclosure>(d.WithRowsDecoded);
        var view = new Lazy<ItemView>(() => ViewOf(site, read.Value, inputs));
        context.WritePage(d.UrlPath, "item", d.Title, inputs, () => view.Value, crumbs, [hashMeta, .. DateMetas(d, inputs)], feedUrl: unit.Id + "/feed.xml", digest: tag);

        for (var i = 0; i < d.Tables.Count; i++)
        {
            var at = i;
            context.WriteFile(d.UrlPath + CsvName(d.Tables[at].File), inputs.Content, () =>
            {
                var table = read.Value.Tables[at];
                return SafeCsv.Of(table.Columns, table.Rows.Select(static r => r.Cells), static c => c.Text);
            });
        }
    }

    /// <summary>
    /// Everything an item's pages and downloads are a function of besides the site-wide view and the theme: its files
    /// (by their canonical content hash, which covers the Markdown, its tables and attachments and their paths), the
    /// rules that read its tables, and what the rest of the site says about it. <see cref="ViewOf"/> reads nothing
    /// else; a new input there must be added here, or the build cache would keep a stale page
    /// (IncrementalBuildTests changes each kind of input and compares with a clean build).
    /// </summary>
    private sealed record ItemInputs(
        string Content,
        string Rules,
        string UnitId,
        string UnitName,
        UnitLevel Level,
        string ItemName,
        DateOnly? Published,
        DateSource Source,
        string Status,
        int? Days,
        DateOnly? Deadline,
        LinkView? Corrected,
        IReadOnlyList<CorrectionLinkView> Corrections,
        IReadOnlyList<RevisionView> Revisions,
        string BaseUrl,
        string Issuer);

    private static ItemInputs InputsOf(Input input, Disclosure d)
    {
        var (site, disclosures, history) = input;
        var unit = site.UnitOf(d.Unit);
        var facts = disclosures.FactsOf(d);
        var corrected = facts.Corrected;
        return new ItemInputs(
            d.ContentSha256,
            disclosures.PerFileRulesFingerprint,
            unit.Id,
            unit.Name,
            unit.Level,
            site.ItemName(unit, d.Item),
            facts.Published,
            facts.Source,
            facts.Status,
            facts.Days,
            facts.Deadline,
            corrected is null ? null : new LinkView(corrected.Title, corrected.UrlPath),
            disclosures.CorrectionsOf(d).Select(c => new CorrectionLinkView(c.Title, c.UrlPath, LiquidFilters.Iso(disclosures.Published(c).Date), string.IsNullOrWhiteSpace(c.Meta.RevisionNote) ? null : c.Meta.RevisionNote.Trim())).ToList(),
            RevisionViews.Of(history.RevisionsOf(d), CaptionOf(d)),
            site.Urls.BaseUrl,
            site.Issuer(unit));
    }

    /// <summary>
    /// The tag of an item's files (its page or withdrawal notice and its tables' downloads) in the build cache: a digest of
    /// everything they are a function of — the theme and tool, the site-wide view as the page sees it, the item's URL,
    /// its files by their content hash (front matter, Markdown, tables, attachments), and the sources <see cref="InputsOf"/>
    /// makes its <see cref="ItemInputs"/> from (or, withdrawn, what the notice shows), read where they are: an item taken
    /// over makes nothing. A source read by <see cref="InputsOf"/> or <see cref="ViewOf"/> must be added here too
    /// (IncrementalBuildTests edits each kind of input and compares with a clean build).
    /// </summary>
    private static string ItemTag(RenderContext context, Input input, Disclosure d, bool withdrawn)
    {
        var (site, disclosures, history) = input;
        var unit = site.UnitOf(d.Unit);
        var w = _tagText ??= new System.Text.StringBuilder(1024);
        w.Clear();
        var kind = withdrawn ? "withdrawn" : "item";
        StepDigests.Field(w, kind);
        StepDigests.Field(w, context.Fingerprint);
        StepDigests.Field(w, context.SiteKeyFor(kind));
        StepDigests.Field(w, site.Urls.BaseUrl);
        StepDigests.Field(w, d.UrlPath);
        StepDigests.Field(w, d.ContentSha256);
        StepDigests.Field(w, d.Title);
        StepDigests.Field(w, d.IsCorrection ? "correction" : "item");
        StepDigests.Field(w, disclosures.PerFileRulesFingerprint);
        StepDigests.Field(w, unit.Id);
        StepDigests.Field(w, unit.Name);
        StepDigests.Field(w, unit.Level.ToString());
        StepDigests.Field(w, site.ItemName(unit, d.Item));
        StepDigests.Field(w, site.Issuer(unit));
        if (withdrawn)
        {
            var (date, source) = disclosures.Published(d);
            StepDigests.Field(w, date);
            StepDigests.Field(w, source.ToString());
            StepDigests.Field(w, disclosures.WithdrawalReason(d));
        }
        else
        {
            var facts = disclosures.FactsOf(d);
            StepDigests.Field(w, facts.Published);
            StepDigests.Field(w, facts.Source.ToString());
            StepDigests.Field(w, facts.Status);
            StepDigests.Field(w, facts.Days);
            StepDigests.Field(w, facts.Deadline);
            StepDigests.Field(w, facts.Corrected?.Title);
            StepDigests.Field(w, facts.Corrected?.UrlPath);
            foreach (var c in disclosures.CorrectionsOf(d))
            {
                StepDigests.Field(w, "corrected by");
                StepDigests.Field(w, c.Title);
                StepDigests.Field(w, c.UrlPath);
                StepDigests.Field(w, disclosures.Published(c).Date);
                StepDigests.Field(w, c.Meta.RevisionNote);
            }

            // Revisions come from the ledger and Git: rare, and their views walked whole (with the tables' captions they name).
            StepDigests.Field(w, history.RevisionsOf(d) is { HasRevisions: true } revisions
                ? context.KeyOf(RevisionViews.Of(revisions, CaptionOf(d)))
                : "no revisions");
        }

        return RenderKey.Digest(w, "item:");
    }

    /// <summary>The caption of <paramref name="d"/>'s table whose file ends in a name, as a revision names it.</summary>
    private static Func<string, string?> CaptionOf(Disclosure d) =>
        file => d.Tables.FirstOrDefault(t => t.File.EndsWith(file, StringComparison.Ordinal))?.Caption;

    [ThreadStatic]
    private static System.Text.StringBuilder? _tagText;

    // In a session (the preview, DigestMemory.ItemTags), each item's tag with what it was made from, by the disclosure's
    // identity: a reloaded disclosure is a new object; the others keep their tag while their ItemInputs and the build-wide
    // part are equal.
    private sealed record TagMemo(string Around, ItemInputs Inputs, Sources Sources, string Tag);

    /// <summary>What <see cref="ItemTag"/> reads besides the disclosure and its <see cref="ItemInputs"/>, for an item page (not a withdrawal notice).</summary>
    private static string Around(RenderContext context, Input input) =>
        string.Join('\u0001', context.Fingerprint, context.SiteKeyFor("item"), input.Site.Urls.BaseUrl, input.Disclosures.PerFileRulesFingerprint);

    /// <summary><see cref="ItemTag"/> of an item page, remembered for the next build of the session.</summary>
    private static string RememberedTag(RenderContext context, Input input, Disclosure d, ItemInputs inputs, string around, Sources sources)
    {
        var tags = context.Digests!.Memory!.ItemTags;
        var tag = tags.TryGetValue(d, out var known) && known is TagMemo memo && memo.Around == around && SameInputs(memo.Inputs, inputs)
            ? memo.Tag
            : ItemTag(context, input, d, withdrawn: false);
        tags.AddOrUpdate(d, new TagMemo(around, inputs, sources, tag));
        return tag;
    }

    /// <summary>Every field equal, the lists item by item (a record compares lists by reference).</summary>
    private static bool SameInputs(ItemInputs a, ItemInputs b) =>
        (a with { Corrections = b.Corrections, Revisions = b.Revisions }).Equals(b)
        && a.Corrections.SequenceEqual(b.Corrections) && a.Revisions.SequenceEqual(b.Revisions);

    /// <summary>
    /// What the page says about the item's date, as markers <c>ledger verify</c> checks against the ledger (SiteContract):
    /// the trusted date, its source, the status shown and the deadline it is measured against.
    /// </summary>
    private static IEnumerable<MetaView> DateMetas(Disclosure d, ItemInputs inputs) =>
    [
        new(SiteContract.PublishedMeta, LiquidFilters.Iso(inputs.Published)),
        new(SiteContract.DateSourceMeta, SiteContract.DateSourceKey(inputs.Source)),
        new(SiteContract.StatusMeta, d.IsCorrection ? "correction" : inputs.Status),
        new(SiteContract.DeadlineMeta, inputs.Deadline is { } deadline ? Dates.Iso(deadline) : string.Empty),
    ];

    /// <summary>The download name of a table: its file name with a .csv extension (an .xlsx is offered as CSV too).</summary>
    public static string CsvName(string tableFile) => Table.DownloadName(tableFile);

    /// <summary>The item page's view: a function of the disclosure's own content and its <paramref name="inputs"/> only.</summary>
    private static ItemView ViewOf(SiteFacts site, Disclosure d, ItemInputs inputs)
    {
        var absolute = site.Urls.Absolute(d.UrlPath);
        return new ItemView(
            d.Title,
            inputs.UnitName,
            inputs.UnitId + "/",
            d.Period.ToString(),
            d.Period.ToChinese(),
            $"{inputs.UnitId}/{d.Period}/",
            d.Item,
            inputs.ItemName,
            d.IsCorrection ? "correction" : inputs.Status,
            inputs.Days,
            inputs.Deadline is { } deadline ? Dates.Iso(deadline) : string.Empty,
            LiquidFilters.Iso(inputs.Published),
            Messages.DateSourceChinese(inputs.Source),
            d.IsNil ? d.Meta.Nil!.Trim() : null,
            SafeMarkdown.ToHtml(d.Body),
            d.Tables.Select(t => TableOf(site.Rules, d, t)).ToList(),
            d.Meta.Attachments.Select(a => new LinkView(Path.GetFileName(a), d.UrlPath + Path.GetFileName(a))).ToList(),
            inputs.Corrected,
            inputs.Corrections,
            string.IsNullOrWhiteSpace(d.Meta.RevisionNote) ? null : d.Meta.RevisionNote.Trim(),
            d.Meta.WithdrawAt is { } at ? Dates.Iso(at) : null,
            inputs.Content,
            d.UrlPath,
            absolute,
            QrSvg.ForPage(absolute),
            inputs.Revisions)
        {
            Issuer = inputs.Issuer,
        };
    }

    /// <summary>A table as its schema shows it (<see cref="TableSchemaViews"/>), with the lines the sheet wrote around it.</summary>
    private static TableView TableOf(RuleSet rules, Disclosure d, Table table) =>
        TableSchemaViews.For(table.Schema).Of(rules, d, table, d.UrlPath + CsvName(table.File)) with
        {
            Unit = table.Unit,
            Notes = table.Notes,
            Signature = table.Signature.Select(s => s.Parts).ToList(),
        };
}
