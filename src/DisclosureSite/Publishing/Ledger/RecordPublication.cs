using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Publishing.Ledger;

/// <summary>What <c>disclosure ledger record</c> was asked to do.</summary>
public sealed record RecordOptions(string? SiteRoot, string? LedgerPath, DateOnly AsOf, TimeProvider Clock);

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
        var context = Validator.Context(input, options.AsOf, ledger, perFile: loaded.PerFile);
        var report = Validator.Check(context, loaded.Findings);
        if (report.HasErrors)
        {
            refusal = new RecordResult(RecordOutcome.Refused, path, null, report.Findings.Where(f => f.IsError).ToList(), [Messages.RecordInputErrors()]);
            return null;
        }

        var plan = context.LedgerPlan;
        if (!plan.HasChanges)
        {
            refusal = new RecordResult(RecordOutcome.NothingNew, path, null, [], [Messages.RecordNothingNew(ledger.Head.LastSeq)]);
            return null;
        }

        string? manifestSha = null;
        if (options.SiteRoot is { } site)
        {
            var manifest = SiteManifest.Read(site, out var error);
            if (manifest is null)
            {
                refusal = new RecordResult(RecordOutcome.Refused, path, null, [], [Messages.RecordNoManifest(site, error ?? string.Empty)]);
                return null;
            }

            var mismatches = plan.Changes
                .Where(c => !c.IsWithdrawal)
                .Where(c => !manifest.Items.TryGetValue(c.Url, out var m) || m.ContentSha256 != c.ContentSha256)
                .Select(c => c.Url)
                .ToList();
            if (mismatches.Count > 0)
            {
                refusal = new RecordResult(RecordOutcome.Refused, path, null, [], [Messages.RecordSiteDiffers(site, mismatches)]);
                return null;
            }

            manifestSha = manifest.Sha256;
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
        var entry = LedgerEntry.Next(head, options.Clock.GetUtcNow(), SiteClock.Zone(input.Settings.TimeZone), options.AsOf, commit, plan.Changes, manifestSha);
        return new PreparedRecord(path, head, entry, notes);
    }

    public static RecordResult Append(PreparedRecord prepared)
    {
        var outcome = LedgerFile.Append(prepared.LedgerPath, prepared.Head, prepared.Entry, out var error);
        var notes = prepared.Notes.ToList();
        switch (outcome)
        {
            case AppendOutcome.Appended:
                notes.Insert(0, Messages.RecordDone(prepared.Entry.Seq, prepared.Entry.Items.Count(i => i.Change == LedgerChange.New),
                    prepared.Entry.Items.Count(i => i.Change == LedgerChange.Revised), prepared.Entry.Items.Count(i => i.Change == LedgerChange.Withdrawn), prepared.Entry.Hash));
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
