using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>
/// What <c>disclosure ledger record</c> was asked to do. <see cref="AsOf"/> null: the as-of date the site was built with
/// (its manifest), else today in the site's time zone.
/// </summary>
public sealed record RecordOptions(string? SiteRoot, string? LedgerPath, DateOnly? AsOf, TimeProvider Clock);

/// <summary>How a record run ended.</summary>
public enum RecordOutcome
{
    Recorded,
    NothingNew,

    /// <summary>Errors in the input, the ledger or the site: nothing was written.</summary>
    Refused,

    /// <summary>Another publish run appended first (or holds the lock): nothing was written, run again.</summary>
    Conflict,
}

/// <summary>The result of a record run: the entry written (or that would have been), and why not.</summary>
public sealed record RecordResult(RecordOutcome Outcome, string LedgerPath, LedgerEntry? Entry, IReadOnlyList<Finding> Findings, IReadOnlyList<LocalizedText> Notes);

/// <summary>An entry ready to append, with the ledger head it was computed from.</summary>
public sealed record PreparedRecord(string LedgerPath, LedgerHead Head, LedgerEntry Entry, IReadOnlyList<LocalizedText> Notes);

/// <summary>
/// <c>disclosure ledger record</c>: computes what the input publishes on the as-of day that the ledger has not
/// recorded yet, and appends one entry — or nothing. Two steps, so a race between publish runs can be tested:
/// <see cref="Prepare"/> reads the head, <see cref="Append"/> refuses if the head on disk is no longer that head.
/// </summary>
public static class RecordPublication
{
    public static RecordResult Run(LoadResult loaded, RecordOptions options)
    {
        var prepared = Prepare(loaded, options, out var refusal);
        return prepared is null ? refusal! : Append(prepared);
    }

    public static PreparedRecord? Prepare(LoadResult loaded, RecordOptions options, out RecordResult? refusal)
    {
        refusal = null;
        var notes = new List<LocalizedText>();
        if (loaded.Input is not { } input || loaded.HasErrors)
        {
            refusal = new RecordResult(RecordOutcome.Refused, options.LedgerPath ?? string.Empty, null, loaded.Findings.Where(f => f.IsError).ToList(), [Messages.RecordInputErrors()]);
            return null;
        }

        var ledger = LedgerStore.Load(input.Root, options.LedgerPath);
        var path = ledger.Path!;
        if (LedgerStore.WhyNotInRepository(input.Root, path) is { } outside)
        {
            refusal = Refused(path, outside);
            return null;
        }

        SiteManifest? manifest = null;
        if (options.SiteRoot is { } site)
        {
            manifest = SiteManifest.Read(site, out var error);
            if (manifest is null)
            {
                refusal = Refused(path, Messages.RecordNoManifest(site, error ?? string.Empty));
                return null;
            }
        }

        // The publication time is now; the as-of date is the site's (build and record cannot disagree) and never later than today.
        var now = options.Clock.GetUtcNow();
        var zone = SiteClock.Zone(input.Settings.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var builtAsOf = manifest?.AsOf is { } m && DateOnly.TryParseExact(m, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var b) ? b : (DateOnly?)null;
        if (options.AsOf is { } given && builtAsOf is { } built && given != built)
        {
            refusal = Refused(path, Messages.RecordAsOfDisagrees(options.SiteRoot!, built, given));
            return null;
        }

        var asOf = options.AsOf ?? builtAsOf ?? today;
        if (asOf > today)
        {
            refusal = Refused(path, Messages.RecordAsOfInFuture(asOf, today));
            return null;
        }

        var context = Validator.Context(input, asOf, ledger, perFile: loaded.PerFile);
        var report = Validator.Check(context, loaded.Findings);
        if (report.HasErrors)
        {
            refusal = new RecordResult(RecordOutcome.Refused, path, null, report.Findings.Where(f => f.IsError).ToList(), [Messages.RecordInputErrors()]);
            return null;
        }

        var plan = context.LedgerPlan;
        var last = ledger.Entries.Count > 0 ? ledger.Entries[^1] : null;

        // A site not yet bound by the ledger is a deployment to record even when no item changed: the entry binds its manifest.
        var newDeployment = manifest is not null && manifest.Sha256 != last?.ManifestSha256;
        if (!plan.HasChanges && !newDeployment)
        {
            refusal = new RecordResult(RecordOutcome.NothingNew, path, null, [], [Messages.RecordNothingNew(ledger.Head.LastSeq)]);
            return null;
        }

        if (manifest is not null)
        {
            var mismatches = plan.Changes
                .Where(c => !c.IsWithdrawal)
                .Where(c => !manifest.Items.TryGetValue(c.Url, out var mi) || mi.ContentSha256 != c.ContentSha256)
                .Select(c => c.Url)
                .ToList();
            if (mismatches.Count > 0)
            {
                refusal = Refused(path, Messages.RecordSiteDiffers(options.SiteRoot!, mismatches));
                return null;
            }
        }

        string? commit = null;
        if (GitObjects.Open(input.Root) is { } git)
        {
            if (git.IsClean())
            {
                commit = git.Head();
            }
            else
            {
                notes.Add(Messages.RecordDirtyInput());
            }
        }

        var head = ledger.Head;
        var entry = LedgerEntry.Next(head, now, zone, asOf, commit, plan.Changes, manifest?.Sha256);
        return new PreparedRecord(path, head, entry, notes);
    }

    private static RecordResult Refused(string path, LocalizedText why) => new(RecordOutcome.Refused, path, null, [], [why]);

    public static RecordResult Append(PreparedRecord prepared)
    {
        var outcome = LedgerFile.Append(prepared.LedgerPath, prepared.Head, prepared.Entry, out var error);
        var notes = prepared.Notes.ToList();
        switch (outcome)
        {
            case AppendOutcome.Appended:
                notes.Insert(0, Messages.RecordDone(prepared.Entry.Seq, prepared.Entry.Items.Count(i => i.Change == LedgerChange.New),
                    prepared.Entry.Items.Count(i => i.Change == LedgerChange.Revised), prepared.Entry.Items.Count(i => i.Change == LedgerChange.Withdrawn), prepared.Entry.Hash, prepared.Entry.ManifestSha256));
                return new RecordResult(RecordOutcome.Recorded, prepared.LedgerPath, prepared.Entry, [], notes);
            case AppendOutcome.HeadMoved:
                return new RecordResult(RecordOutcome.Conflict, prepared.LedgerPath, prepared.Entry, [], [Messages.RecordHeadMoved(prepared.LedgerPath, prepared.Head.LastSeq)]);
            case AppendOutcome.Locked:
                return new RecordResult(RecordOutcome.Conflict, prepared.LedgerPath, prepared.Entry, [], [Messages.RecordLocked(prepared.LedgerPath)]);
            default:
                return new RecordResult(RecordOutcome.Refused, prepared.LedgerPath, prepared.Entry, [], [Messages.RecordWriteFailed(prepared.LedgerPath, error ?? string.Empty)]);
        }
    }
}
