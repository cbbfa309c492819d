using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Validate;

/// <summary>
/// Validate phase: the same checks as <c>disclosure check</c>. Errors stop the build (the previous site stays);
/// schedule, standing and decision findings do not — the site shows them as 缺报, 逾期 and so on.
/// </summary>
public static class ValidateInput
{
    public static (ValidationContext? Context, CheckReport Report) Run(LoadResult loaded, DateOnly asOf, IReadOnlyDictionary<string, DateOnly>? ledgerDates, LedgerState? ledger = null)
    {
        if (loaded.Input is not { } input)
        {
            return (null, Validator.Check(loaded, asOf));
        }

        var context = ledger is not null
            ? Validator.Context(input, asOf, ledger, perFile: loaded.PerFile)
            : Validator.Context(input, asOf, ledgerDates: ledgerDates, perFile: loaded.PerFile);
        return (context, Validator.Check(context, loaded.Findings));
    }
}
