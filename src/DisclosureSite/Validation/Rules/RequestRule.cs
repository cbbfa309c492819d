using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// 民情台账 (seed 002: 限时办结; SPEC §6): a matter still open after its 办结时限 on the as-of date is
/// <c>requests.overdue</c> (warning, days over), one closed after it <c>requests.late</c> (notice); a unit whose level keeps
/// a 民情台账 and has had none for a whole quarter is <c>standing.missing</c>.
/// </summary>
public sealed class RequestRule : IValidationRule
{
    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var input = context.Input;
        var asOf = context.AsOf;
        foreach (var log in input.Requests)
        {
            var unit = input.FindUnit(log.Unit);
            var name = unit?.Name ?? log.Unit;
            foreach (var m in log.Matters)
            {
                if (m.IsOverdueOn(asOf))
                {
                    var days = m.DaysOver(asOf);
                    yield return new Finding(FindingCodes.RequestsOverdue, Severity.Warning, Messages.RequestOverdue(name, m.Number, m.Subject, m.Due, days), m.Unit, m.Quarter.ToString(), null, m.Source.File, m.Source.Line, null, days);
                }
                else if (m.ClosedLate && m.Closed is { } closed && closed <= asOf)
                {
                    var days = m.DaysOver(asOf);
                    yield return new Finding(FindingCodes.RequestsLate, Severity.Notice, Messages.RequestLate(name, m.Number, m.Subject, m.Due, closed, days), m.Unit, m.Quarter.ToString(), null, m.Source.File, m.Source.Line, null, days);
                }
            }
        }

        foreach (var unit in input.Units)
        {
            // A file that is there but could not be read has its own findings; "no 民情台账" would only add confusion.
            if (input.Rules.Standing.TryGetValue(unit.Level, out var rules) && rules.Requests && input.RequestsOf(unit.Id) is null
                && OwesOne(unit, input.Settings.Since, asOf)
                && !Loading.TableReader.Extensions.Any(ext => File.Exists(Path.Combine(input.Root, "units", unit.Id, "requests" + ext))))
            {
                yield return new Finding(FindingCodes.StandingMissing, Severity.Warning, Messages.NoRequests(unit.Name, unit.Id), unit.Id, null, null, $"units/{unit.Id}/requests.csv");
            }
        }
    }

    /// <summary>
    /// True when the unit has existed for a whole quarter (from the site's and its own <c>since</c>) that ended before
    /// <paramref name="asOf"/> and still exists on it: a newly added village is not asked for a 民情台账 on its first day.
    /// </summary>
    public static bool OwesOne(Unit unit, Period? siteSince, DateOnly asOf)
    {
        var current = Period.Containing(asOf, PeriodKind.Quarter);
        if (!unit.ExistsIn(current))
        {
            return false;
        }

        var first = Period.Containing(new[] { siteSince?.Start, unit.Since?.Start }.Max() ?? DateOnly.MinValue, PeriodKind.Quarter);
        return first.End < asOf;
    }
}
