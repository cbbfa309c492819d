using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// 四议两公开: steps in order and none skipped, the resolution disclosed within <c>decision_publish_days</c>
/// of the vote, the result disclosed once the matter is done, and votes that add up.
/// </summary>
public sealed class DecisionRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var rules = context.Input.Rules.Decisions;
        foreach (var d in context.Input.Decisions)
        {
            Finding Make(string code, LocalizedText text, int? line, int? days = null) =>
                new(code, FindingCodes.SeverityOf(code), text, d.Unit, null, d.Item, d.File, line, null, days);

            DecisionStep? previous = null;
            string? previousName = null;
            var skippedReported = false;
            for (var index = 0; index < rules.Steps.Count; index++)
            {
                var stepRule = rules.Steps[index];
                var step = d.Step(stepRule.Id);
                if (step is null)
                {
                    continue;
                }

                if (previous is not null && step.Date < previous.Date)
                {
                    yield return Make(FindingCodes.DecisionOrder, Messages.DecisionOrder(d.Title, stepRule.Name, step.Date, previousName!, previous.Date), step.Source.Line);
                }

                var skipped = rules.Steps.Take(index).FirstOrDefault(s => d.Step(s.Id) is null && !(s.IsDisclosure && stepRule.IsDisclosure));
                if (!skippedReported && skipped is not null)
                {
                    skippedReported = true;
                    yield return Make(FindingCodes.DecisionOrder, Messages.DecisionStepSkipped(d.Title, stepRule.Name, skipped.Name), step.Source.Line);
                }

                if (step.Votes is { Present: { } present } v)
                {
                    var sum = (v.For ?? 0) + (v.Against ?? 0) + (v.Abstain ?? 0);
                    if (sum > present)
                    {
                        yield return Make(FindingCodes.DecisionVotes, Messages.VotesDoNotAddUp(d.Title, stepRule.Name, present, sum), step.Source.Line);
                    }
                }

                previous = step;
                previousName = stepRule.Name;
            }

            if (d.Status == DecisionStatus.Rejected)
            {
                continue;
            }

            if (d.Step("resolution") is { } vote)
            {
                var deadline = vote.Date.AddDays(rules.PublishDays);
                var published = d.Step("resolution_published");
                if (published is null && context.AsOf > deadline)
                {
                    var days = context.AsOf.DayNumber - deadline.DayNumber;
                    yield return Make(FindingCodes.DecisionOverdue, Messages.ResolutionNotPublished(d.Title, vote.Date, rules.PublishDays, deadline, days), vote.Source.Line, days);
                }
                else if (published is not null && published.Date > deadline)
                {
                    var days = published.Date.DayNumber - deadline.DayNumber;
                    yield return Make(FindingCodes.DecisionOverdue, Messages.ResolutionPublishedLate(d.Title, vote.Date, published.Date, rules.PublishDays, days), published.Source.Line, days);
                }
            }

            if (d.Status == DecisionStatus.Done && d.Step("result_published") is null)
            {
                yield return Make(FindingCodes.DecisionOverdue, Messages.ResultNotPublished(d.Title), 1);
            }
        }
    }
}
