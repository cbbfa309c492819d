using DisclosureSite.Ledger;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;
using DisclosureSite.Validation.Rules;

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

    /// <summary>
    /// For a long-lived session (the preview) after a partial load (<see cref="Load.ReloadInput"/>): the checks of
    /// <paramref name="loaded"/> with what the previous validation worked out from the whole site kept — the trusted
    /// dates (Git history, ledger) and the compliance matrix, whose entries are only pointed at the reloaded
    /// disclosures — when every reloaded disclosure counts for the schedule exactly as before (same unit, period, item,
    /// file, declared and embargo dates, nil report, correction, placeholder or not). Every rule runs again. Null when
    /// that does not hold (the whole validation runs).
    /// </summary>
    internal static (ValidationContext Context, CheckReport Report)? Rerun(LoadResult loaded, LoadResult previousLoaded, ValidationContext previous, DateOnly asOf)
    {
        if (loaded.Input is not { } input || previousLoaded.Input is not { } before || previous.AsOf != asOf
            || !ReferenceEquals(previous.Input, before) || before.Disclosures.Count != input.Disclosures.Count
            || !ReferenceEquals(before.Rules, input.Rules) || !ReferenceEquals(before.Units, input.Units) || !ReferenceEquals(before.Settings, input.Settings))
        {
            return null;
        }

        var replaced = new Dictionary<Disclosure, Disclosure>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < input.Disclosures.Count; i++)
        {
            var (was, now) = (before.Disclosures[i], input.Disclosures[i]);
            if (ReferenceEquals(was, now))
            {
                continue;
            }

            if (!CountsTheSame(was, now))
            {
                return null;
            }

            replaced[was] = now;
        }

        // An entry counts its own unit's disclosures: only the entries of the reloaded disclosures' units are looked into.
        var units = replaced.Keys.Select(d => d.Unit).Distinct(StringComparer.Ordinal).ToArray();
        var isReplaced = replaced.ContainsKey; // one delegate for the 60,000 entries, not one each
        var compliance = replaced.Count == 0 ? previous.Compliance : previous.Compliance
            .Select(e => Array.IndexOf(units, e.Unit.Id) >= 0 && e.Disclosures.Any(isReplaced) ? e with { Disclosures = e.Disclosures.Select(d => replaced.GetValueOrDefault(d, d)).ToList() } : e)
            .ToList();
        var context = Validator.Context(input, previous, compliance, loaded.PerFile);
        return (context, Validator.Check(context, loaded.Findings));
    }

    /// <summary>Whether the compliance matrix sees <paramref name="now"/> as it saw <paramref name="was"/>.</summary>
    private static bool CountsTheSame(Disclosure was, Disclosure now) =>
        was.Unit == now.Unit && was.Period == now.Period && was.Item == now.Item && was.File == now.File && was.UrlPath == now.UrlPath
        && was.IsCorrection == now.IsCorrection && was.IsNil == now.IsNil && was.Meta.Published == now.Meta.Published && was.Meta.PublishAt == now.Meta.PublishAt
        && PlaceholderRule.IsPlaceholder(was) == PlaceholderRule.IsPlaceholder(now);
}
