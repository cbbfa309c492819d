using System.Text.RegularExpressions;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>Reads <c>units.csv</c>: id,name,level,parent,division_code,clerk[,since,until].</summary>
public static partial class UnitsLoader
{
    public const string File = "units.csv";

    private static readonly string[] Required = ["id", "name", "level"];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex DivisionCode();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubLogin();

    public static IReadOnlyList<Unit> Load(InputFolder input, FindingSink sink)
    {
        if (!input.Exists(File))
        {
            sink.Report(FindingCodes.Unreadable, new SourceRef(File), Messages.NoUnitsCsv());
            return [];
        }

        var csv = CsvRecords.Read(input, File, Required, sink);
        if (csv is null)
        {
            return [];
        }

        var units = new List<Unit>();
        foreach (var row in csv.Rows)
        {
            var id = csv.Get(row, "id");
            var name = csv.Get(row, "name");
            if (id.Length == 0)
            {
                sink.Report(FindingCodes.MissingField, csv.At(row, "id"), Messages.MissingCell("id"));
                continue;
            }

            if (!Slug().IsMatch(id))
            {
                sink.Report(FindingCodes.BadName, csv.At(row, "id"), Messages.BadUnitId(id, SuggestSlug(id)));
                continue;
            }

            if (ReservedUnitIds.Contains(id))
            {
                sink.Report(FindingCodes.BadName, csv.At(row, "id"), Messages.ReservedUnitId(id, ReservedUnitIds.All));
                continue;
            }

            if (units.Any(u => u.Id == id))
            {
                sink.Report(FindingCodes.Duplicate, csv.At(row, "id"), Messages.DuplicateUnit(id), id);
                continue;
            }

            if (name.Length == 0)
            {
                sink.Report(FindingCodes.MissingField, csv.At(row, "name"), Messages.MissingCell("name"), id);
            }

            var levelText = csv.Get(row, "level");
            if (!UnitLevels.TryParse(levelText, out var level))
            {
                sink.Report(levelText.Length == 0 ? FindingCodes.MissingField : FindingCodes.Syntax, csv.At(row, "level"), Messages.BadLevel(levelText), id);
                continue;
            }

            var division = csv.Optional(row, "division_code");
            if (division is not null && !DivisionCode().IsMatch(division))
            {
                sink.Report(FindingCodes.Syntax, csv.At(row, "division_code"), Messages.BadDivisionCode(division), id);
            }

            var clerk = csv.Optional(row, "clerk")?.TrimStart('@');
            if (clerk is not null && !GitHubLogin().IsMatch(clerk))
            {
                sink.Report(FindingCodes.Syntax, csv.At(row, "clerk"), Messages.BadClerk(clerk), id);
                clerk = null;
            }

            Period? ReadPeriod(string column)
            {
                var text = csv.Optional(row, column);
                if (text is null)
                {
                    return null;
                }

                if (Period.TryParse(text, out var p))
                {
                    return p;
                }

                sink.Report(FindingCodes.BadPeriod, csv.At(row, column), Messages.BadPeriod(text), id);
                return null;
            }

            var since = ReadPeriod("since");
            var until = ReadPeriod("until");
            if (since is { } s && until is { } u && u < s)
            {
                sink.Report(FindingCodes.BadPeriod, csv.At(row, "until"), Messages.UntilBeforeSince(u.ToString(), s.ToString()), id);
            }

            units.Add(new Unit(id, name.Length == 0 ? id : name, level, csv.Optional(row, "parent"), division, clerk, since, until, csv.At(row, "id")));
        }

        foreach (var unit in units)
        {
            if (unit.Parent is { } parent && !units.Any(u => u.Id == parent))
            {
                sink.Report(FindingCodes.UnknownUnit, new SourceRef(File, unit.Source.Line, null), Messages.UnknownParent(unit.Id, parent), unit.Id);
            }
        }

        return units;
    }

    /// <summary>An ASCII suggestion for a non-ASCII or upper-case id.</summary>
    public static string SuggestSlug(string text)
    {
        var ascii = new string(text.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' ? c : '-').ToArray()).Trim('-');
        while (ascii.Contains("--", StringComparison.Ordinal))
        {
            ascii = ascii.Replace("--", "-", StringComparison.Ordinal);
        }

        return ascii.Length == 0 || !char.IsAsciiLetterOrDigit(ascii[0]) ? "dongshan" : ascii;
    }
}
