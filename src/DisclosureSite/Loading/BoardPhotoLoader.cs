using System.Globalization;
using DisclosureSite.Model;

namespace DisclosureSite.Loading;

/// <summary>
/// The optional <c>board-photos</c> preset (seed 002: photos of the notice board by the 3rd of each month):
/// <c>board/&lt;unit&gt;/&lt;yyyy-mm&gt;/*.jpg</c> becomes one disclosure of item <c>board.photos</c> for that month.
/// Its self-declared date is the earliest file time of its photos (Git's first commit wins when available).
/// </summary>
public static class BoardPhotoLoader
{
    public const string Folder = "board";
    public const string ItemId = "board.photos";

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    public static IReadOnlyList<Disclosure> Load(InputFolder input, IReadOnlyDictionary<string, Unit> units, RuleSet rules, TimeZoneInfo zone, FindingSink sink)
    {
        var result = new List<Disclosure>();
        foreach (var unitDir in input.Directories(Folder))
        {
            var unitId = Path.GetFileName(unitDir);
            if (!units.TryGetValue(unitId, out var unit))
            {
                sink.Report(FindingCodes.UnknownUnit, new SourceRef(unitDir), Messages.UnknownUnitFolder(unitId));
                continue;
            }

            var item = rules.FindItem(unit.Level, ItemId);
            if (item is null)
            {
                continue;
            }

            foreach (var monthDir in input.Directories(unitDir))
            {
                var name = Path.GetFileName(monthDir);
                if (!DateOnly.TryParseExact(name + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                {
                    sink.Report(FindingCodes.BadPeriod, new SourceRef(monthDir), Messages.BadBoardFolder(name), unitId);
                    continue;
                }

                var photos = input.Files(monthDir).Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).ToList();
                if (photos.Count == 0)
                {
                    continue;
                }

                var period = Period.Month(first.Year, first.Month);
                var taken = photos.Min(p => File.GetLastWriteTimeUtc(input.FullPath(p)));
                var declared = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(taken, zone));
                var meta = new FrontMatter(ItemId, null, declared, null, null, null, null, null, null, null, null, [], photos);
                var d = new Disclosure(unitId, period, "board-photos", photos[0], meta, $"{period.ToChinese()}公开栏照片", string.Empty, 1, [], []);
                result.Add(d with { ContentSha256 = ContentHash.Of(input.Root, d) });
            }
        }

        return result;
    }
}
