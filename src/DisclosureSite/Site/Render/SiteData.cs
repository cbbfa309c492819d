using DisclosureSite.Publishing.Revisions;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Validation;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Site.Render;

/// <summary>
/// What the render steps read, split by what each page kind needs: the loaded input and its validation, narrowed to
/// what may be public on the as-of date and worked out once (dates, statuses, look-ups). Each part is plain data — no
/// service, no file — and each step names the parts it reads in its <see cref="RenderStep{TInput}.InputOf"/>.
/// </summary>
public sealed class SiteData
{
    /// <param name="memory">A session's memory (the preview): the last build's public disclosures are patched (<see cref="PublicDisclosures.Make"/>).</param>
    public SiteData(ValidationContext validation, CheckReport report, SiteUrls urls, IReadOnlyDictionary<string, ItemHistory> revisions, DigestMemory? memory = null)
    {
        var input = validation.Input;
        Site = new SiteFacts(input.Settings, input.Rules, input.Units, validation.AsOf, urls);
        Disclosures = PublicDisclosures.Make(input.Disclosures, validation.Calculator, validation.Dates, validation.Compliance, validation.AsOf, DisclosureChecks.Instance.FingerprintOf(input.Rules), memory);
        Compliance = ComplianceFacts.Make(validation.Compliance, Site.Units, Disclosures, memory);
        Cards = new UnitCards(input.People, input.Duty, input.Commitments);
        History = new HistoryFacts(validation.Ledger, revisions, input.Disclosures);
        Requests = RequestFacts.Make(input.Requests, validation.Ledger, validation.AsOf, memory);
        Decisions = new DecisionFacts(input.Decisions, input.Rules.Decisions, report.Findings);
        InputRoot = input.Root;
    }

    /// <summary>Settings, units, rules, as-of date and URLs: every page reads these.</summary>
    public SiteFacts Site { get; }

    /// <summary>The public disclosures and what the site says of each.</summary>
    public PublicDisclosures Disclosures { get; }

    /// <summary>Required items by unit and period, and their status.</summary>
    public ComplianceFacts Compliance { get; }

    /// <summary>Contact cards, duty rosters and commitments of the units.</summary>
    public UnitCards Cards { get; }

    /// <summary>The publication ledger and every recorded item's revisions.</summary>
    public HistoryFacts History { get; }

    /// <summary>The 民情台账 of the units and the ledger's records of their told matters.</summary>
    public RequestFacts Requests { get; }

    /// <summary>The 四议两公开 records and their findings.</summary>
    public DecisionFacts Decisions { get; }

    /// <summary>The input folder: only the Write phase reads from it (<see cref="Write.CopyAttachments"/>), never a render step.</summary>
    public string InputRoot { get; }
}
