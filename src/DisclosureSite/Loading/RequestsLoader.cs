using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// Reads a unit's 民情台账, <c>units/&lt;unit&gt;/requests.csv</c> (or .xlsx/.xls), with the same table reader as a
/// disclosure's tables; columns are found by the names and aliases of the preset (<c>columns: requests:</c>). A row that
/// does not fit the contract (unknown 状态 or 类别, an impossible date, 办结日期 before 受理日期, a closed matter without
/// 办理结果, a repeated 编号) is a finding at its file, row and column and is left out. Whether 反映人 is masked and whether
/// the file holds other personal data is checked with the rest of the personal data (<c>PersonalDataRule</c>).
/// </summary>
public static partial class RequestsLoader
{
    public static TableSchema Schema => TableSchema.Requests;

    /// <summary>The logical columns a 民情台账 must have.</summary>
    private static readonly string[] Required = ["number", "received", "requester", "subject", "category", "status"];

    /// <summary>The logical columns it may have.</summary>
    private static readonly string[] Optional = ["handler", "limit", "closed", "result", "follow_up", "revision_note"];

    /// <summary>The files <c>/{unit}/requests/</c> holds besides the result pages.</summary>
    private static readonly string[] ListFiles = ["index.html", "print.html", "feed.xml"];

    /// <summary>The Chinese name of each logical column (its default name in <see cref="TableSchema.Requests"/>), for messages.</summary>
    public static string ColumnName(string column) => Schema.DefaultName(column);

    /// <summary>A time limit written as days after 受理日期: <c>15</c>, <c>15天</c>, <c>15日</c>, <c>15 天内</c>.</summary>
    [GeneratedRegex(@"^\s*([0-9]{1,3})\s*(?:天|日|个自然日)?\s*(?:内)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysText();

    /// <summary>The file of a unit's 民情台账, or null when it keeps none (two of them are <c>input.duplicate</c>).</summary>
    public static string? FileOf(InputFolder input, string unit, FindingSink sink)
    {
        var found = TableReader.Extensions.Select(ext => $"units/{unit}/requests{ext}").Where(input.Exists).ToList();
        if (found.Count > 1)
        {
            sink.Report(FindingCodes.Duplicate, new SourceRef(found[1]), Messages.TwoRequestFiles(found[0], found[1]), unit);
        }

        return found.Count > 0 ? found[0] : null;
    }

    public static RequestLog? Load(InputFolder input, string unit, RuleSet rules, FindingSink sink) => Load(input, unit, rules, sink, cache: null, checks: null);

    /// <summary>
    /// <see cref="Load(InputFolder, string, RuleSet, FindingSink)"/> through the unit's cache of its own files
    /// (<see cref="InputCache.OpenOwnFiles"/>), when given: a 民情台账 whose file is unchanged is taken from there with its
    /// findings, as it was read (a 民情台账 holds every matter a village ever received, and was read and checked again at
    /// every build, most of a one-file edit's reading of the units' folders). Which file is the 民情台账 is looked at every time.
    /// With <paramref name="checks"/>, a 民情台账 read afresh is scanned for personal data and kept with its findings
    /// (<see cref="RequestLog.PersonalData"/>).
    /// </summary>
    internal static RequestLog? Load(InputFolder input, string unit, RuleSet rules, FindingSink sink, InputCache.UnitCache? cache, IPerFileChecks? checks)
    {
        if (FileOf(input, unit, sink) is not { } file)
        {
            return null;
        }

        return cache is null ? Read(input, unit, file, rules, sink) : cache.ReadThrough(file, sink, ReadAndScan);

        RequestLog? ReadAndScan(FindingSink own)
        {
            var log = Read(input, unit, file, rules, own);
            return log is not null && checks is not null ? log with { PersonalData = checks.Run(log) } : log;
        }
    }

    /// <summary>
    /// What reading a 民情台账 depends on in the rules besides its file: the column names known and each column's aliases,
    /// the time limits and the categories. The input cache keeps 民情台账 under it: other rules, another cache.
    /// </summary>
    internal static string RulesFingerprint(RuleSet rules)
    {
        var text = new System.Text.StringBuilder();
        foreach (var name in Schema.Known(rules).Order(StringComparer.Ordinal))
        {
            text.Append(name).Append('\u001f');
        }

        foreach (var column in Required.Concat(Optional))
        {
            text.Append('\u001e').Append(column).Append('=');
            foreach (var alias in Schema.Aliases(rules, column))
            {
                text.Append(alias).Append('\u001f');
            }
        }

        var limits = rules.Requests;
        text.Append('\u001e').Append(limits.DefaultDays.ToString(CultureInfo.InvariantCulture));
        foreach (var (category, days) in limits.CategoryDays.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append('\u001f').Append(category).Append('=').Append(days.ToString(CultureInfo.InvariantCulture));
        }

        text.Append('\u001e');
        foreach (var category in limits.Categories)
        {
            text.Append(category).Append('\u001f');
        }

        return text.ToString();
    }

    private static RequestLog? Read(InputFolder input, string unit, string file, RuleSet rules, FindingSink sink)
    {
        // The same reader as a disclosure's sheet, looking for a 民情台账's column names: title rows, 单位/date lines, blank
        // rows, signature lines and trailing empty columns are found around the table, and a missing header is one finding.
        var requesters = Schema.Aliases(rules, "requester").Select(Table.NormalizeHeader).ToHashSet(StringComparer.Ordinal);
        var request = new SheetRequest(Schema.Known(rules), RequireKnown: true, PersonLabels: requesters);
        var table = TableReader.Read(input, file, Schema, request, "民情台账", sink, unit);
        if (table is null)
        {
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in Required.Concat(Optional))
        {
            var index = table.ColumnIndex(Schema.Aliases(rules, name));
            if (index >= 0)
            {
                columns[name] = index;
            }
        }

        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            sink.Report(FindingCodes.MissingColumn, new SourceRef(file, table.HeaderLine, 1), Messages.RequestColumnsMissing(missing.Select(ColumnName), Required.Select(ColumnName)), unit);
            return null;
        }

        var matters = new List<RequestMatter>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new Dictionary<string, (string Number, int Line)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            // A count line under the matters (合计：共 12 件) is not a matter.
            if (row.Cells.All(c => c.Text.Trim().Length == 0) || TotalRows.IsTotal(row))
            {
                continue;
            }

            if (Row(row, file, unit, columns, rules.Requests, numbers, anchors, sink) is { } matter)
            {
                matters.Add(matter);
            }
        }

        return new RequestLog(unit, file, matters, table, columns["requester"]);
    }

    private static RequestMatter? Row(TableRow row, string file, string unit, Dictionary<string, int> columns, RequestRules rules, Dictionary<string, int> numbers, Dictionary<string, (string Number, int Line)> anchors, FindingSink sink)
    {
        string Cell(string column) => columns.TryGetValue(column, out var i) ? row[i].Trim() : string.Empty;
        SourceRef At(string column) => new(file, row.Line, columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i].Column : 1);
        string? Opt(string column) => Cell(column) is { Length: > 0 } v ? v : null;
        var mark = sink.Count;
        void Report(string code, string column, LocalizedText text) => sink.Report(code, At(column), text, unit);

        var number = Cell("number");
        if (number.Length == 0)
        {
            Report(FindingCodes.MissingField, "number", Messages.MissingCell("编号"));
        }
        else if (numbers.TryGetValue(number, out var firstLine))
        {
            Report(FindingCodes.Duplicate, "number", Messages.DuplicateRequestNumber(number, firstLine));
        }
        else if (!IsPageName(RequestMatter.AnchorOf(number)) || number.Any(IsInvisible))
        {
            Report(FindingCodes.BadName, "number", Messages.BadRequestNumber(number));
        }
        else if (anchors.TryGetValue(RequestMatter.AnchorOf(number), out var other))
        {
            Report(FindingCodes.Duplicate, "number", Messages.RequestNumberClash(number, other.Number, other.Line));
        }
        else
        {
            numbers[number] = row.Line;
            anchors[RequestMatter.AnchorOf(number)] = (number, row.Line);
        }

        DateOnly? received = ReadDate(Cell("received"), "received", Report, required: true);
        foreach (var column in new[] { "requester", "subject" })
        {
            if (Cell(column).Length == 0)
            {
                Report(FindingCodes.MissingField, column, Messages.MissingCell(ColumnName(column)));
            }
        }

        var category = Cell("category");
        if (category.Length == 0)
        {
            Report(FindingCodes.MissingField, "category", Messages.MissingCell("类别"));
        }
        else if (!rules.Categories.Contains(category))
        {
            Report(FindingCodes.Syntax, "category", Messages.BadRequestCategory(category, rules.Categories));
        }

        var statusText = Cell("status");
        RequestStatus? status = statusText switch
        {
            "办理中" => RequestStatus.Open,
            "已办结" => RequestStatus.Closed,
            "已转办" => RequestStatus.Transferred,
            _ => null,
        };
        if (statusText.Length == 0)
        {
            Report(FindingCodes.MissingField, "status", Messages.MissingCell("状态"));
        }
        else if (status is null)
        {
            Report(FindingCodes.Syntax, "status", Messages.BadChoice("状态", statusText, RequestRules.Statuses));
        }

        var closed = ReadDate(Cell("closed"), "closed", Report, required: false);
        if (closed is { } c && received is { } r && c < r)
        {
            Report(FindingCodes.BadDate, "closed", Messages.ClosedBeforeReceived(Dates.Iso(c), Dates.Iso(r)));
        }

        var result = Opt("result");
        if (status is RequestStatus.Closed or RequestStatus.Transferred)
        {
            if (closed is null && Cell("closed").Length == 0)
            {
                Report(FindingCodes.MissingField, "closed", Messages.ClosedWithoutDate(statusText));
            }

            if (result is null)
            {
                Report(FindingCodes.MissingField, "result", Messages.ClosedWithoutResult(statusText));
            }
        }
        else if (status == RequestStatus.Open && Cell("closed").Length > 0)
        {
            Report(FindingCodes.Syntax, "closed", Messages.OpenWithCloseDate());
        }

        var followUp = Opt("follow_up");
        if (followUp is not null && !RequestRules.FollowUps.Contains(followUp))
        {
            Report(FindingCodes.Syntax, "follow_up", Messages.BadChoice("回访", followUp, RequestRules.FollowUps));
        }

        DateOnly? due = null;
        var fromRow = false;
        var limit = Cell("limit");
        if (received is { } rec)
        {
            if (limit.Length == 0)
            {
                due = rec.AddDays(rules.DaysFor(category));
            }
            else if (DaysText().Match(limit) is { Success: true } m)
            {
                due = rec.AddDays(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                fromRow = true;
            }
            else if (Dates.TryParse(limit, out var limitDate))
            {
                if (limitDate < rec)
                {
                    Report(FindingCodes.BadDate, "limit", Messages.LimitBeforeReceived(Dates.Iso(limitDate), Dates.Iso(rec)));
                }

                due = limitDate;
                fromRow = true;
            }
            else
            {
                Report(FindingCodes.BadDate, "limit", Messages.BadRequestLimit(limit));
            }
        }

        if (sink.ErrorsSince(mark) > 0 || received is null || status is null || due is null)
        {
            return null;
        }

        var matter = new RequestMatter(
            unit, number, received.Value, Cell("requester"), Cell("subject"), category, Opt("handler"), due.Value, fromRow,
            status.Value, status == RequestStatus.Open ? null : closed, result, followUp, Opt("revision_note"), new SourceRef(file, row.Line, 1));
        return matter with { ContentSha256 = ContentHash.OfRequest(matter) };
    }

    /// <summary>
    /// A 编号's URL segment names a page of its own under <c>/{unit}/requests/</c>: not <c>.</c>/<c>..</c> or another
    /// dot name, and not one of the files the list itself writes there.
    /// </summary>
    private static bool IsPageName(string anchor) =>
        anchor.Length > 0 && anchor[0] != '.' && anchor[^1] != '.' && !ListFiles.Contains(anchor, StringComparer.OrdinalIgnoreCase)
        && System.Text.Encoding.UTF8.GetByteCount(anchor) <= MaxNumberBytes && !WindowsDevice().IsMatch(anchor);

    /// <summary>A folder name every file system takes (255 bytes) with room to spare; a 编号 is a short code.</summary>
    private const int MaxNumberBytes = 100;

    /// <summary>Names Windows keeps for devices (CON, NUL, COM1 …): a site copied to or previewed on Windows could not hold the page.</summary>
    [GeneratedRegex(@"^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\..*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowsDevice();

    /// <summary>Control, format (direction marks, zero-width), unassigned and private characters: nothing a reader can see or type.</summary>
    private static bool IsInvisible(char ch) => char.GetUnicodeCategory(ch) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static DateOnly? ReadDate(string text, string column, Action<string, string, LocalizedText> report, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                report(FindingCodes.MissingField, column, Messages.MissingCell(ColumnName(column)));
            }

            return null;
        }

        if (Dates.TryParse(text, out var date))
        {
            return date;
        }

        report(FindingCodes.BadDate, column, Messages.BadDate(ColumnName(column), text));
        return null;
    }
}
