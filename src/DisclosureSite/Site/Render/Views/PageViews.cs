namespace DisclosureSite.Site.Render.Views;

/// <summary><c>/</c>: the current period and its deadline, the on-time/late/缺报 summary, latest items and units.</summary>
public sealed record HomeView(CurrentPeriodView Current, CountsView Total, PeriodSummaryView? LastDue, IReadOnlyList<ItemLinkView> Latest, IReadOnlyList<UnitSummaryView> Units)
{
    /// <summary>Township-wide 民情台账 figures per quarter (null when no unit keeps one).</summary>
    public RequestsOverviewView? Requests { get; init; }
}

/// <summary>The period being filled now and when it falls due.</summary>
public sealed record CurrentPeriodView(string Code, string Name, string Deadline, int DaysLeft);

/// <summary>A period's figures across all units, with its compliance page.</summary>
public sealed record PeriodSummaryView(string Code, string Name, string Deadline, string Url, CountsView Counts);

/// <summary>A unit in a list, with its figures.</summary>
public sealed record UnitSummaryView(string Id, string Name, string Level, string Url, string? Note, CountsView Counts)
{
    /// <summary>Its open and overdue 民情台账 matters (null when it keeps none and owes none).</summary>
    public RequestSummaryView? Requests { get; init; }
}

/// <summary><c>/{unit}/</c>.</summary>
public sealed record UnitView(
    string Id,
    string Name,
    string Level,
    string? Note,
    IReadOnlyList<PersonView> Contacts,
    IReadOnlyList<DutyView> Duty,
    CommitmentsView? Commitments,
    bool OwesStanding,
    CountsView Counts,
    IReadOnlyList<UnitPeriodView> Periods,
    string FeedUrl)
{
    /// <summary>Its 民情台账: open and overdue counts and the link (null when it keeps none and owes none).</summary>
    public RequestSummaryView? Requests { get; init; }
}

/// <summary>A row of the contact card (民情联系卡).</summary>
public sealed record PersonView(string Role, string Name, string? Phone, string? Note);

/// <summary>A row of the duty roster (值班安排表).</summary>
public sealed record DutyView(string Day, string Name, string? Role, string? Phone);

/// <summary>The unit's public commitments for a year.</summary>
public sealed record CommitmentsView(string Title, string? Year, string Html, bool Stale);

/// <summary>A period on the unit page: its items with their status.</summary>
public sealed record UnitPeriodView(string Code, string Name, string Url, CountsView Counts, IReadOnlyList<EntryView> Entries)
{
    /// <summary>Shown unfolded: the two most recent periods whose deadline has passed.</summary>
    public bool Open { get; init; }
}

/// <summary>A required item of a period: status, deadline and the disclosures filed for it.</summary>
public sealed record EntryView(string ItemId, string ItemName, string Status, int? Days, string Deadline, string Published, string DateSource, IReadOnlyList<ItemLinkView> Items);

/// <summary><c>/{unit}/{period}/</c>: every catalogue item of the period, grouped by stream.</summary>
public sealed record PeriodView(string UnitId, string UnitName, string UnitUrl, string Code, string Name, string Url, CountsView Counts, IReadOnlyList<StreamGroupView> Streams, IReadOnlyList<ItemLinkView> Others, string PrintUrl, string? QrSvg, string? PageUrl);

/// <summary>The items of one stream (党务, 村务 …) in a period and their deadline.</summary>
public sealed record StreamGroupView(string Name, string Deadline, IReadOnlyList<EntryView> Entries);

/// <summary><c>/{unit}/{period}/{slug}/</c>: one disclosure in full.</summary>
public sealed record ItemView(
    string Title,
    string UnitName,
    string UnitUrl,
    string Period,
    string PeriodName,
    string PeriodUrl,
    string ItemId,
    string ItemName,
    string Status,
    int? Days,
    string Deadline,
    string Published,
    string DateSource,
    string? Nil,
    string BodyHtml,
    IReadOnlyList<TableView> Tables,
    IReadOnlyList<LinkView> Attachments,
    LinkView? Corrects,
    IReadOnlyList<LinkView> CorrectedBy,
    string? RevisionNote,
    string? WithdrawAt,
    string ContentSha256,
    string Url,
    string AbsoluteUrl,
    string? QrSvg,
    IReadOnlyList<RevisionView> Revisions);

/// <summary>A table of a disclosure, as given, with the computed totals for a ledger and its chart.</summary>
public sealed record TableView(string? Caption, string Schema, IReadOnlyList<string> Columns, IReadOnlyList<string> ColumnClasses, IReadOnlyList<RowView> Rows, LedgerTotalsView? Ledger, string? ChartSvg, string CsvUrl);

/// <summary>A table row; <see cref="IsTotal"/> for the clerk's own 合计 row.</summary>
public sealed record RowView(IReadOnlyList<CellView> Cells, bool IsTotal);

/// <summary>A table cell; <see cref="Num"/> for an amount column (right-aligned). Each cell says it itself: a template
/// looking the class up by column index for every cell costs more than the rest of the page.</summary>
public sealed record CellView(string Text, bool Num);

/// <summary>Totals computed from a ledger's rows, and the balance check (opening + income − expense = closing).</summary>
public sealed record LedgerTotalsView(decimal Income, decimal Expense, bool HasIncome, bool HasExpense, decimal? Opening, decimal? Closing, decimal? ComputedClosing, bool? BalanceOk);

/// <summary>The notice page left where a withdrawn disclosure was (never a 404).</summary>
public sealed record WithdrawnView(string Title, string UnitName, string UnitUrl, string PeriodName, string PeriodUrl, string ItemName, string Published, string DateSource, string WithdrawnOn, string Reason);
