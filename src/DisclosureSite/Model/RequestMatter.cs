namespace DisclosureSite.Model;

/// <summary>Where a 民情台账 matter stands (状态): still being handled, handled, or handed on to a department.</summary>
public enum RequestStatus
{
    /// <summary>办理中.</summary>
    Open,

    /// <summary>已办结.</summary>
    Closed,

    /// <summary>已转办: handed on to a department; the village's part ends on its 办结日期.</summary>
    Transferred,
}

/// <summary>
/// One matter of a unit's 民情台账 (<c>units/&lt;unit&gt;/requests.csv</c> or .xlsx, SPEC §4): what a villager raised and how it
/// was handled, within which time limit. <see cref="Requester"/> is as written — masked (<c>张*明</c>) when the file is
/// valid; <see cref="Due"/> is the last day of the time limit (办结时限), inclusive.
/// </summary>
public sealed record RequestMatter(
    string Unit,
    string Number,
    DateOnly Received,
    string Requester,
    string Subject,
    string Category,
    string? Handler,
    DateOnly Due,
    bool DueFromRow,
    RequestStatus Status,
    DateOnly? Closed,
    string? Result,
    string? FollowUp,
    string? RevisionNote,
    SourceRef Source)
{
    /// <summary>Handled (已办结) or handed on (已转办): no longer the village's open business.</summary>
    public bool IsClosed => Status != RequestStatus.Open;

    /// <summary>Still open on <paramref name="asOf"/> after its last day.</summary>
    public bool IsOverdueOn(DateOnly asOf) => Status == RequestStatus.Open && asOf > Due;

    /// <summary>Days past the limit: on <paramref name="asOf"/> for an open matter, on the day it closed otherwise (0 when in time).</summary>
    public int DaysOver(DateOnly asOf) => Math.Max(0, (IsClosed ? Closed ?? asOf : asOf).DayNumber - Due.DayNumber);

    /// <summary>Closed after its limit.</summary>
    public bool ClosedLate => IsClosed && Closed is { } c && c > Due;

    /// <summary>Days from 受理 to 办结 (null while open).</summary>
    public int? DaysToClose => Closed is { } c && IsClosed ? c.DayNumber - Received.DayNumber : null;

    /// <summary>The quarter the matter was received in (the period its findings and figures belong to).</summary>
    public Period Quarter => Period.Containing(Received, PeriodKind.Quarter);

    /// <summary>The 编号 as a URL segment and fragment (<c>2026-012</c>; spaces, slashes, quotes and what Windows refuses in a folder name — <c>: * |</c> — become <c>-</c>).</summary>
    public string Anchor => AnchorOf(Number);

    /// <summary>The URL segment of a 编号; the loader refuses numbers whose segment is not a page of its own (<c>..</c>, <c>print.html</c>).</summary>
    public static string AnchorOf(string number)
    {
        // Most numbers need nothing replaced: they are their own segment, with nothing made.
        var first = 0;
        while (first < number.Length && !NotInSegment(number[first]))
        {
            first++;
        }

        if (first == number.Length)
        {
            return number;
        }

        var chars = number.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            chars[i] = NotInSegment(chars[i]) ? '-' : chars[i];
        }

        return new string(chars);
    }

    private static bool NotInSegment(char ch) =>
        char.IsWhiteSpace(ch) || ch is '/' or '\\' or '#' or '?' or '%' or '"' or '\'' or '<' or '>' or ':' or '*' or '|';

    /// <summary>
    /// The page of the matter's told result, <c>&lt;unit&gt;/requests/&lt;编号&gt;/</c>: the URL the publication ledger records the
    /// result under, like a disclosure's.
    /// </summary>
    public string PageUrl => $"{Unit}/requests/{Anchor}/";

    /// <summary>
    /// The hash of the told result the publication ledger records (<c>Loading.ContentHash.OfRequest</c>), filled by the
    /// loader so that the pages, the manifest and the ledger plan read it rather than compute it.
    /// </summary>
    public string ContentSha256 { get; init; } = string.Empty;

    /// <summary>Its result has been told on <paramref name="asOf"/>: handled or handed on, with a 办理结果, on or before the day.</summary>
    public bool IsToldOn(DateOnly asOf) => IsClosed && Result is not null && Closed is { } c && c <= asOf;

    public static string StatusName(RequestStatus status) => status switch
    {
        RequestStatus.Open => "办理中",
        RequestStatus.Closed => "已办结",
        _ => "已转办",
    };
}

/// <summary>A unit's 民情台账 file: where it is, its matters in file order, the table as read and which column holds 反映人.</summary>
public sealed record RequestLog(string Unit, string File, IReadOnlyList<RequestMatter> Matters, Table Table, int RequesterColumn)
{
    /// <summary>
    /// The personal data found in it, when the loader was handed validation's per-file checks (<c>Loading.IPerFileChecks</c>)
    /// and kept it with the file in the input cache; null otherwise (validation scans it then).
    /// </summary>
    public IReadOnlyList<Finding>? PersonalData { get; init; }
}

/// <summary>
/// The preset's 民情台账 rules: the known categories (类别) and their time limits in days (办结时限 when a row gives none),
/// the default limit, and the column names accepted.
/// </summary>
public sealed record RequestRules(int DefaultDays, IReadOnlyDictionary<string, int> CategoryDays, IReadOnlyList<string> Categories, string Source)
{
    /// <summary>SPEC §4: 15 days, 代办 7; the four categories of the contract and 其他.</summary>
    public static RequestRules Default { get; } = new(
        15,
        new Dictionary<string, int>(StringComparer.Ordinal) { ["代办"] = 7 },
        ["民生服务", "矛盾纠纷", "代办", "意见建议", "其他"],
        string.Empty);

    /// <summary>The time limit in days for a category.</summary>
    public int DaysFor(string category) => CategoryDays.TryGetValue(category, out var d) ? d : DefaultDays;

    public static IReadOnlyList<string> Statuses { get; } = ["办理中", "已办结", "已转办"];

    public static IReadOnlyList<string> FollowUps { get; } = ["满意", "基本满意", "不满意"];
}
