using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>缺报, late and due-soon findings from the compliance matrix (SPEC §5, §6).</summary>
public sealed class ScheduleRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var known = context.PreviousScheduleFindings;
        foreach (var e in context.Compliance)
        {
            // A session's rerun: an entry that is the same object as in the last run has the same finding (its message
            // is not formatted again).
            if (known is not null && known.TryGetValue(e, out var kept))
            {
                context.ScheduleFindings[e] = kept;
                yield return kept;
                continue;
            }

            if (FindingOf(e) is { } finding)
            {
                context.ScheduleFindings[e] = finding;
                yield return finding;
            }
        }
    }

    private static Finding? FindingOf(ComplianceEntry e)
    {
        var where = e.Disclosures.Count > 0 ? e.Disclosures[0].File : $"disclosures/{e.Unit.Id}/{e.Period}/";
        var text = e.Status switch
        {
            ItemStatus.Missing => Messages.Missing(e.Unit.Name, e.Period, e.Item.Name, e.Deadline, e.Days ?? 0),
            ItemStatus.Late => Messages.Late(e.Unit.Name, e.Period, e.Item.Name, e.Deadline, e.PublishedOn, e.DateSource, e.Days ?? 0),
            ItemStatus.DueSoon => Messages.DueSoon(e.Unit.Name, e.Period, e.Item.Name, e.Deadline, e.Days ?? 0),
            ItemStatus.Embargoed when e.Days is not null => Messages.EmbargoedPastDeadline(e.Unit.Name, e.Period, e.Item.Name, e.Deadline, e.PublishedOn, e.Days ?? 0),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        var code = e.Status switch
        {
            ItemStatus.Late => FindingCodes.Late,
            ItemStatus.DueSoon => FindingCodes.DueSoon,
            _ => FindingCodes.Missing,
        };
        return new Finding(code, FindingCodes.SeverityOf(code), text, e.Unit.Id, e.Period.ToString(), e.Item.Id, where, null, null, e.Days);
    }
}
