using DisclosureSite.Ledger;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Revisions;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Load;

/// <summary>
/// Reads the revision history of every recorded item before Render (the old contents come from Git): the ledger's
/// revisions plus those the next <c>ledger record</c> will append after this build, dated the as-of day, so an item
/// page shows a revision the day it goes out rather than after the next build.
/// </summary>
public static class ReadRevisionHistory
{
    public static IReadOnlyDictionary<string, ItemHistory> Run(ValidationContext validation) =>
        RevisionHistory.Build(validation.Ledger, validation.Input.Root, Pending(validation));

    private static List<RecordedItem> Pending(ValidationContext validation)
    {
        var ledger = validation.Ledger;
        if (!ledger.Exists)
        {
            return [];
        }

        var plan = validation.LedgerPlan;
        var zone = SiteClock.Zone(validation.Input.Settings.TimeZone);
        var entry = LedgerEntry.Next(ledger.Head, SiteClock.StartOf(validation.AsOf, zone), zone, validation.AsOf, null, plan.Changes, null);
        return plan.Changes.Where(c => c.Change != LedgerChange.New).Select(c => new RecordedItem(c, entry)).ToList();
    }
}
