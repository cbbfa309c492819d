using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>A generated table other than a ledger: a header, rows of cells and, for rosters, the total paid.</summary>
internal sealed record CorpusTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, decimal Total)
{
    public string ToCsv()
    {
        var sb = new StringBuilder(1024);
        sb.AppendJoin(',', Header).Append('\n');
        foreach (var r in Rows)
        {
            sb.AppendJoin(',', r).Append('\n');
        }

        return sb.ToString();
    }
}

/// <summary>Rosters (名单) of villagers with masked names and ID numbers (SPEC §8), and a township procurement list.</summary>
internal static class RosterMaker
{
    private static readonly (string Kind, int Monthly)[] Welfare = [("低保户", 760), ("特困供养", 1140), ("临时救助", 800)];

    private static readonly (string Kind, decimal PerMu)[] Subsidies = [("耕地地力保护补贴", 105.5m), ("稻谷目标价格补贴", 62m), ("退耕还林补助", 120m), ("农机购置补贴", 0m)];

    private static readonly string[] Hardship = ["因病致困", "年老体弱", "因灾致困", "子女就学困难"];

    private static readonly string[] Companies = ["闽江建设工程有限公司", "榕城市政工程有限公司", "山海园林绿化有限公司", "清源水利工程有限公司", "东南办公设备有限公司"];

    public static CorpusTable Make(Random rng, string item)
    {
        var count = rng.Next(8, 16);
        var rows = new List<IReadOnlyList<string>>(count);
        var total = 0m;
        for (var i = 0; i < count; i++)
        {
            var name = CorpusNames.MaskedPerson(rng);
            var id = CorpusNames.MaskedId(rng);
            switch (item)
            {
                case "village.subsidies":
                    var (kind, perMu) = rng.Pick(Subsidies);
                    var mu = rng.Next(5, 80) / 10m * 2;
                    var amount = perMu > 0 ? decimal.Round(mu * perMu, 2) : rng.Money(800, 6000, 100, false);
                    total += amount;
                    rows.Add([name, kind, mu.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), CorpusLedger.Plain(amount), id]);
                    break;
                case "party.hardship":
                    var aid = rng.Money(300, 2000, 100, false);
                    total += aid;
                    rows.Add([name, rng.Pick(Hardship), CorpusLedger.Plain(aid)]);
                    break;
                default:
                    var (w, monthly) = rng.Pick(Welfare);
                    var people = w == "特困供养" ? 1 : rng.Next(1, 6);
                    var pay = (decimal)monthly * people;
                    total += pay;
                    rows.Add([name, w, people.ToString(System.Globalization.CultureInfo.InvariantCulture), CorpusLedger.Plain(pay), id]);
                    break;
            }
        }

        IReadOnlyList<string> header = item switch
        {
            "village.subsidies" => ["姓名", "补贴项目", "面积(亩)", "补贴金额(元)", "身份证号"],
            "party.hardship" => ["姓名", "困难类型", "帮扶金额(元)"],
            _ => ["姓名", "户别", "人数", "保障金额(元/月)", "身份证号"],
        };
        return new CorpusTable(header, rows, total);
    }

    public static CorpusTable Procurement(Random rng, CorpusUnit unit, Period period)
    {
        var rows = new List<IReadOnlyList<string>>();
        var total = 0m;
        for (var i = 0; i < rng.Next(3, 7); i++)
        {
            var amount = rng.Money(50000, 900000, 100, false);
            total += amount;
            rows.Add([rng.Pick(unit.Projects), rng.Pick(["公开招标", "竞争性磋商", "询价"]), rng.Pick(Companies), CorpusLedger.Plain(amount), rng.DayIn(period.Start, period.End).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return new CorpusTable(["项目名称", "采购方式", "中标单位", "中标金额(元)", "公示日期"], rows, total);
    }
}
