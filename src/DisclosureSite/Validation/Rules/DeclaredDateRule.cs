using DisclosureSite.Model;

namespace DisclosureSite.Validation.Rules;

/// <summary>
/// When the trusted date (the publication ledger, or the first commit on the main branch) overrules a disclosure's
/// self-declared <c>published:</c> date by more than a day, the check says so and why (SPEC §4, §7): a clerk who saw
/// 按时 before committing and sees 逾期 after it learns which date counts.
/// </summary>
public sealed class DeclaredDateRule : IValidationRule
{
    /// <summary>A day apart is a time zone or a late-evening commit, not a different date.</summary>
    public const int ToleranceDays = 1;

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var d in context.Input.Disclosures)
        {
            if (d.Meta.Published is not { } declared)
            {
                continue;
            }

            var trusted = context.Dates.Of(d);
            if (trusted.Source is DateSource.Ledger or DateSource.Git && trusted.Date is { } date && Math.Abs(date.DayNumber - declared.DayNumber) > ToleranceDays)
            {
                yield return new Finding(
                    FindingCodes.DeclaredDate,
                    FindingCodes.SeverityOf(FindingCodes.DeclaredDate),
                    Messages.DeclaredDateOverruled(declared, date, trusted.Source),
                    d.Unit,
                    d.Period.ToString(),
                    d.Item,
                    d.File,
                    PublishedLine(context.Input.Root, d.File));
            }
        }
    }

    /// <summary>The line of <c>published:</c> in the front matter (the front matter's text is not kept after loading).</summary>
    private static int? PublishedLine(string root, string file)
    {
        try
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(root, file)))
            {
                number++;
                if (line.StartsWith("published:", StringComparison.Ordinal))
                {
                    return number;
                }

                if (number > 1 && line.TrimEnd() == "---")
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file was read a moment ago by the loader; without it the finding simply has no line.
        }

        return null;
    }
}
