using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Validation;

/// <summary>A trusted publication date and where it came from.</summary>
public readonly record struct TrustedDate(DateOnly? Date, DateSource Source)
{
    public static TrustedDate None { get; } = new(null, DateSource.None);
}

/// <summary>
/// The trusted publication date of each disclosure (SPEC §7): the publication ledger first, then the first
/// commit that added the file, then the self-declared <c>published</c> date.
/// </summary>
public sealed class PublicationDates
{
    private readonly IReadOnlyDictionary<string, DateOnly> _ledger;
    private readonly GitHistory _git;
    private readonly TimeZoneInfo _zone;
    private readonly DatesFrom _from;

    public PublicationDates(GitHistory git, TimeZoneInfo zone, DatesFrom from, IReadOnlyDictionary<string, DateOnly>? ledger = null)
    {
        _git = git;
        _zone = zone;
        _from = from;
        _ledger = ledger ?? new Dictionary<string, DateOnly>();
    }

    /// <summary>Why Git dates were not used, when the site asked for them.</summary>
    public string? GitUnavailableReason => _from == DatesFrom.Git ? _git.UnavailableReason : null;

    public TrustedDate Of(Disclosure d)
    {
        if (_ledger.TryGetValue(d.UrlPath, out var recorded))
        {
            return new TrustedDate(recorded, DateSource.Ledger);
        }

        if (_from == DatesFrom.Git && _git.Added.TryGetValue(d.File, out var committed))
        {
            return new TrustedDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(committed, _zone).DateTime), DateSource.Git);
        }

        return d.Meta.Published is { } declared ? new TrustedDate(declared, DateSource.Declared) : TrustedDate.None;
    }
}
