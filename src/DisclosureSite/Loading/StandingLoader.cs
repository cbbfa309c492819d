using DisclosureSite.Model;
using YamlDotNet.RepresentationModel;

namespace DisclosureSite.Loading;

/// <summary>Reads the standing information: <c>people.csv</c>, <c>units/&lt;unit&gt;/duty.csv</c>, <c>units/&lt;unit&gt;/commitments.md</c>.</summary>
public static class StandingLoader
{
    public const string PeopleFile = "people.csv";

    private static readonly string[] PeopleColumns = ["unit", "role", "name"];
    private static readonly string[] DutyColumns = ["day", "name"];
    private static readonly string[] CommitmentKeys = ["year", "title"];
    private static readonly string[] Weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天", "每天", "工作日", "节假日"];

    public static IReadOnlyList<Person> LoadPeople(InputFolder input, IReadOnlyCollection<string> unitIds, FindingSink sink)
    {
        if (!input.Exists(PeopleFile))
        {
            return [];
        }

        var csv = CsvRecords.Read(input, PeopleFile, PeopleColumns, sink);
        if (csv is null)
        {
            return [];
        }

        var people = new List<Person>();
        foreach (var row in csv.Rows)
        {
            var unit = csv.Get(row, "unit");
            if (!unitIds.Contains(unit))
            {
                sink.Report(unit.Length == 0 ? FindingCodes.MissingField : FindingCodes.UnknownUnit, csv.At(row, "unit"), Messages.UnknownUnit(unit));
                continue;
            }

            var name = csv.Get(row, "name");
            var role = csv.Get(row, "role");
            if (name.Length == 0 || role.Length == 0)
            {
                sink.Report(FindingCodes.MissingField, csv.At(row, name.Length == 0 ? "name" : "role"), Messages.MissingCell(name.Length == 0 ? "name" : "role"), unit);
                continue;
            }

            people.Add(new Person(unit, role, name, csv.Optional(row, "phone"), csv.Optional(row, "note"), csv.At(row, "name")));
        }

        return people;
    }

    public static IReadOnlyList<DutyEntry> LoadDuty(InputFolder input, string unit, FindingSink sink)
    {
        var file = $"units/{unit}/duty.csv";
        if (!input.Exists(file))
        {
            return [];
        }

        var csv = CsvRecords.Read(input, file, DutyColumns, sink, unit);
        if (csv is null)
        {
            return [];
        }

        var entries = new List<DutyEntry>();
        foreach (var row in csv.Rows)
        {
            var day = csv.Get(row, "day");
            DateOnly? date = null;
            if (!Weekdays.Contains(day))
            {
                if (Dates.TryParse(day, out var d))
                {
                    date = d;
                }
                else
                {
                    sink.Report(FindingCodes.BadDate, csv.At(row, "day"), Messages.BadDutyDay(day), unit);
                    continue;
                }
            }

            var name = csv.Get(row, "name");
            if (name.Length == 0)
            {
                sink.Report(FindingCodes.MissingField, csv.At(row, "name"), Messages.MissingCell("name"), unit);
                continue;
            }

            entries.Add(new DutyEntry(unit, day, date, name, csv.Optional(row, "role"), csv.Optional(row, "phone"), csv.At(row, "day")));
        }

        return entries;
    }

    public static Commitments? LoadCommitments(InputFolder input, string unit, FindingSink sink)
    {
        var file = $"units/{unit}/commitments.md";
        if (!input.Exists(file))
        {
            return null;
        }

        var text = TextFile.Read(input, file, sink);
        if (text is null)
        {
            return null;
        }

        int? year = null;
        string? title = null;
        var body = text;
        var bodyLine = 1;
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            var parts = FrontMatterText.Split(text, file, sink, unit);
            if (parts is null)
            {
                return null;
            }

            var mark = sink.Count;
            var node = YamlText.Parse(parts.Yaml, file, sink, lineOffset: 1);
            if (node is YamlMappingNode m)
            {
                var f = new YamlFields(m, file, sink, CommitmentKeys, 1, unit);
                year = f.Int("year", 1900, 2999);
                title = f.String("title");
            }
            else if (sink.ErrorsSince(mark) > 0)
            {
                return null;
            }

            body = parts.Body;
            bodyLine = parts.BodyLine;
        }

        return MarkdownBody.Admit(body, file, bodyLine, sink, unit) ? new Commitments(unit, year, title ?? "公开承诺", body, new SourceRef(file, bodyLine)) : null;
    }
}
