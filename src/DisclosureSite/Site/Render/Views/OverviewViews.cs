namespace DisclosureSite.Site.Render.Views;

/// <summary><c>/compliance/</c>: figures per unit and a list of periods.</summary>
public sealed record ComplianceIndexView(CountsView Total, IReadOnlyList<UnitSummaryView> Units, IReadOnlyList<PeriodSummaryView> Periods, string CsvUrl, string JsonUrl);

/// <summary><c>/compliance/{period}/</c>: one matrix per level and stream (items × units).</summary>
public sealed record CompliancePeriodView(string Code, string Name, CountsView Counts, IReadOnlyList<MatrixView> Matrices, string CsvUrl, string JsonUrl);

/// <summary>Rows are items, columns are units (narrow screens scroll the few unit columns, not long item names).</summary>
public sealed record MatrixView(string Caption, string Deadline, IReadOnlyList<LinkView> Units, IReadOnlyList<MatrixRowView> Rows);

/// <summary>An item and its status in each unit.</summary>
public sealed record MatrixRowView(string ItemName, IReadOnlyList<MatrixCellView> Cells);

/// <summary>One unit's status for one item; <see cref="Url"/> is its period page.</summary>
public sealed record MatrixCellView(string Status, int? Days, string Url, bool Applies);

/// <summary><c>/decisions/</c>: 四议两公开 timelines.</summary>
public sealed record DecisionsView(IReadOnlyList<DecisionView> Decisions);

/// <summary>A 四议两公开 record.</summary>
public sealed record DecisionView(string Anchor, string Title, string UnitName, string UnitUrl, string Status, string? Result, LinkView? Item, IReadOnlyList<StepView> Steps, IReadOnlyList<string> Warnings);

/// <summary>A step of 四议两公开: done on a date, or not yet (and overdue where a finding says so).</summary>
public sealed record StepView(string Name, string Date, bool Done, bool IsDisclosure, string? Minutes, string? Votes, bool Overdue);

/// <summary><c>/history/</c> and <c>/history/{year}/</c>: what was published when, and where the date comes from.</summary>
public sealed record HistoryView(string? Year, IReadOnlyList<HistoryYearView> Years, IReadOnlyList<ItemLinkView> Items, int Total)
{
    /// <summary>The site has a publication ledger: link its pages and the download.</summary>
    public bool HasLedger { get; init; }
}

/// <summary>A year of the publication history.</summary>
public sealed record HistoryYearView(string Year, string Url, int Count);

/// <summary><c>/topics/{item}/</c>: every disclosure of one catalogue item, across units and periods.</summary>
public sealed record TopicView(string Id, string Name, string Level, string Source, IReadOnlyList<ItemLinkView> Items);

/// <summary><c>/search/</c>: the search form, and (for readers without JavaScript) lists to browse by unit, period and topic.</summary>
public sealed record SearchView(IReadOnlyList<LinkView> Units, IReadOnlyList<LinkView> Periods, IReadOnlyList<TopicGroupView> Topics);

/// <summary><c>/404.html</c>: the site's base path (the page's <c>&lt;base&gt;</c>) and the units to go to.</summary>
public sealed record NotFoundView(string BasePath, IReadOnlyList<LinkView> Units);

/// <summary>Topics of one level (行政村, 乡镇 …).</summary>
public sealed record TopicGroupView(string Level, IReadOnlyList<LinkView> Topics);

/// <summary><c>/data/</c>: downloads.</summary>
public sealed record DataView(IReadOnlyList<DownloadView> Downloads);

/// <summary>A downloadable file.</summary>
public sealed record DownloadView(string Name, string Url, string Description);

/// <summary><c>/history/ledger/</c>: the publication ledger's entries, newest first (all units or one).</summary>
public sealed record LedgerPageView(string? UnitName, IReadOnlyList<LinkView> Units, IReadOnlyList<LedgerEntryView> Entries, int Total, string DownloadUrl);

/// <summary>One ledger entry: when, from which commit, its hash and what it changed.</summary>
public sealed record LedgerEntryView(int Seq, string PublishedAt, bool IsBaseline, string? Commit, string Hash, int New, int Revised, int Withdrawn, IReadOnlyList<LedgerItemView> Items)
{
    /// <summary>The commit the entry was built from, on the repository's web page (null without <c>repository</c> in site.yaml).</summary>
    public string? CommitUrl { get; init; }

    /// <summary>What changed in the data since the previous entry's commit (null for the first commit or without <c>repository</c>).</summary>
    public string? DiffUrl { get; init; }
}

/// <summary>One item of a ledger entry.</summary>
public sealed record LedgerItemView(string Url, string UnitName, string Period, string Change, string ChangeKey, long Revision, string? Note, string? Reason)
{
    /// <summary>The period as people say it (2026年第三季度).</summary>
    public string PeriodName { get; init; } = Period;

    /// <summary>The item's title, or its catalogue name once its file is gone.</summary>
    public string ItemName { get; init; } = Url;
}
