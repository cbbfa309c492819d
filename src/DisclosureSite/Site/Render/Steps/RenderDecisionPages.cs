using System.Globalization;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;

namespace DisclosureSite.Site.Render.Steps;

/// <summary><c>/decisions/</c>: each 四议两公开 record as a timeline of its six steps; steps not yet taken and overdue ones are said so.</summary>
public sealed class RenderDecisionPages : RenderStep<RenderDecisionPages.Input>
{
    /// <summary>The decisions page lists every 四议两公开 record with its findings, and links the latest public disclosure of its item.</summary>
    public sealed record Input(SiteFacts Site, DecisionFacts Decisions, PublicDisclosures Disclosures);

    public override Input InputOf(SiteData data) => new(data.Site, data.Decisions, data.Disclosures);

    public override void Run(RenderContext context, Input input)
    {
        var (site, facts, disclosures) = input;
        var rules = facts.Rules;

        // The latest public, not withdrawn disclosure of each item a record names: one pass over each such unit's list
        // (sorted by period, then slug: the first of the latest period is kept), looking only at the items named.
        var latest = new Dictionary<(string Unit, string Item), Disclosure>();
        foreach (var named in facts.Decisions.Where(d => d.Item is not null).GroupBy(d => d.Unit, StringComparer.Ordinal))
        {
            var items = named.Select(d => d.Item!).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var x in disclosures.Of(named.Key))
            {
                if (Array.IndexOf(items, x.Item) >= 0 && !disclosures.IsWithdrawn(x) && (!latest.TryGetValue((named.Key, x.Item), out var best) || x.Period > best.Period))
                {
                    latest[(named.Key, x.Item)] = x;
                }
            }
        }

        var decisions = facts.Decisions
            .OrderByDescending(d => d.Steps.Count > 0 ? d.Steps.Max(s => s.Date) : DateOnly.MinValue)
            .Select(d =>
            {
                var unit = site.UnitOf(d.Unit);
                var warnings = facts.FindingsOf(d);
                var overdueSteps = warnings.Where(f => f.Code == FindingCodes.DecisionOverdue).ToList();
                var steps = rules.Steps.Select(r =>
                {
                    var step = d.Step(r.Id);
                    var overdue = step is null && r.IsDisclosure && d.Status != DecisionStatus.Rejected && overdueSteps.Count > 0
                        && (r.Id == "resolution_published" ? d.Step("resolution") is not null : d.Status == DecisionStatus.Done);
                    return new StepView(
                        r.Name,
                        step is null ? string.Empty : Dates.Iso(step.Date),
                        step is not null,
                        r.IsDisclosure,
                        step?.Minutes,
                        step?.Votes is { } v ? Votes(v) : null,
                        overdue);
                }).ToList();
                var item = d.Item is { } itemId ? latest.GetValueOrDefault((d.Unit, itemId)) : null;
                return new DecisionView(
                    $"{d.Unit}-{d.Slug}",
                    d.Title,
                    unit.Name,
                    unit.Id + "/",
                    StatusName(d.Status),
                    d.Result,
                    item is null ? null : new LinkView(item.Title, item.UrlPath),
                    steps,
                    warnings.Select(f => f.Message).ToList());
            })
            .ToList();
        context.WritePage("decisions/", "decisions", "四议两公开", new DecisionsView(decisions), context.Crumbs());
    }

    /// <summary>The votes the record gives, and only those: "实到 38 人，赞成 36 票，反对 1 票，弃权 1 票".</summary>
    private static string Votes(Votes v) => string.Join("，", new[]
    {
        v.Present is { } p ? $"实到 {p} 人" : null,
        v.For is { } f ? $"赞成 {f} 票" : null,
        v.Against is { } a ? $"反对 {a} 票" : null,
        v.Abstain is { } b ? $"弃权 {b} 票" : null,
    }.Where(s => s is not null)).ToString(CultureInfo.InvariantCulture);

    public static string StatusName(DecisionStatus status) => status switch
    {
        DecisionStatus.Proposed => "已提议",
        DecisionStatus.InProgress => "进行中",
        DecisionStatus.Done => "已完成",
        _ => "未通过",
    };
}
