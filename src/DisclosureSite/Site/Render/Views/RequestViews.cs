namespace DisclosureSite.Site.Render.Views;

/// <summary><c>/{unit}/requests/</c>: the unit's 民情台账 — open and overdue matters first, then handled ones by date.</summary>
public sealed record RequestsView(
    string UnitId,
    string UnitName,
    string UnitUrl,
    string Url,
    RequestFiguresView Figures,
    IReadOnlyList<RequestView> Open,
    IReadOnlyList<RequestView> Closed,
    string Limits,
    string PrintUrl,
    string? QrSvg,
    string? PageUrl);

/// <summary>
/// <c>/{unit}/requests/{编号}/</c>: one matter whose result is told, with when the result was first recorded (the publication
/// ledger's date, or the 办结日期 as the clerk wrote it) and each later record with its note: what an auditor checks.
/// </summary>
public sealed record RequestPageView(string UnitName, string UnitUrl, string ListUrl, RequestView Matter, string ToldOn, string DateSource, IReadOnlyList<RequestRecordView> Records, string ContentSha256);

/// <summary>A publication-ledger record of a matter's result.</summary>
public sealed record RequestRecordView(long Seq, string PublishedOn, string Change, string? Note);

/// <summary>A matter as villagers see it: 反映人 masked (the check refuses a file that is not), dates as ISO for <c>cn_date</c>.</summary>
public sealed record RequestView(
    string Anchor,
    string Number,
    string Received,
    string Requester,
    string Subject,
    string Category,
    string? Handler,
    string Due,
    string Status,
    int? Days,
    string Closed,
    string? Result,
    string? FollowUp)
{
    /// <summary>The page of its told result (null while it has none).</summary>
    public string? PageUrl { get; init; }
}

/// <summary>Figures of a set of matters (a unit, a quarter, the township): received, handled, on time, median days, open, overdue.</summary>
public sealed record RequestFiguresView(string? Name, int Received, int Closed, int ClosedOnTime, string OnTimeShare, string MedianDays, int Open, int Overdue);

/// <summary>A unit's open and overdue matters, on its page and in lists; <see cref="Url"/> is its 民情台账 page (null when it keeps none).</summary>
public sealed record RequestSummaryView(int Open, int Overdue, int Total, string? Url, bool Owed);

/// <summary>The township-wide figures on the home page: all quarters of receipt (newest first) and the whole.</summary>
public sealed record RequestsOverviewView(RequestFiguresView Total, IReadOnlyList<RequestFiguresView> Quarters);
