using System.Globalization;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>
/// A generated 民情台账 (<c>units/&lt;unit&gt;/requests.csv</c>) for a village or community: about two matters a quarter across
/// the categories of the preset, masked 反映人; most handled within their limit, about one in twelve late, one in a
/// hundred handed on (已转办), and those of the last weeks (and a few older ones) still open, so the benchmark's site and
/// check have overdue matters too. Drawn from the unit's own random stream, so the rest of the corpus does not change with it.
/// </summary>
internal static class CorpusRequests
{
    private static readonly (string Category, string Subject, string Result)[] Bank =
    [
        ("民生服务", "{0}路灯不亮", "已更换路灯灯具,恢复照明"),
        ("民生服务", "{0}自来水水压低", "已更换加压泵,水压恢复正常"),
        ("民生服务", "村道{0}路段坑洼积水", "已修补路面,积水排除"),
        ("民生服务", "垃圾收集点清运不及时", "已约定每日清运一次"),
        ("民生服务", "{0}灌溉水渠堵塞", "已组织清淤,水渠畅通"),
        ("矛盾纠纷", "宅基地边界争议", "经调解,双方签订调解协议"),
        ("矛盾纠纷", "邻里排水沟纠纷", "经调解,双方同意改道排水沟"),
        ("矛盾纠纷", "土地流转租金未按时支付", "经协调,承租方已补付租金"),
        ("代办", "代办城乡居民医保缴费", "已代为缴费并送达凭证"),
        ("代办", "代办残疾人证申领", "已代办,证件送达本人"),
        ("代办", "代办社保卡补办", "已代办补卡,新卡送达本人"),
        ("代办", "代办高龄津贴申请", "已提交申请,次月起发放"),
        ("意见建议", "建议增设候车亭", "已纳入为民办实事项目计划"),
        ("意见建议", "建议村部周六开放办事", "已安排周六上午值班"),
    ];

    public sealed record Row(string Number, DateOnly Received, string Requester, string Subject, string Category, string Handler, DateOnly Due, string Status, DateOnly? Closed, string Result, string FollowUp);

    public static IReadOnlyList<Row> Make(Random rng, CorpusUnit unit, Period start, Period end, RequestRules rules)
    {
        var rows = new List<Row>();
        var seq = new Dictionary<int, int>();
        var last = end.End;
        for (var q = start; q <= end; q = q.Next())
        {
            var count = rng.Next(1, 4);
            var days = Enumerable.Range(0, count).Select(_ => rng.DayIn(q.Start, q.End)).Order().ToList();
            foreach (var received in days)
            {
                seq[received.Year] = seq.GetValueOrDefault(received.Year) + 1;
                var (category, subject, result) = rng.Pick(Bank);
                var group = unit.Level == UnitLevel.Community ? $"{rng.Next(1, 7)}号网格" : $"第{rng.Next(1, 10)}村民小组";
                var due = received.AddDays(rules.DaysFor(category));
                var requester = rng.Chance(0.1) ? "匿名" : CorpusNames.MaskedPerson(rng);
                var handler = rng.Pick(unit.Handlers);
                var roll = rng.NextDouble();
                string status;
                DateOnly? closed;
                if (due > last.AddDays(-7) || roll < 0.01)
                {
                    // Recent ones are still open (some past their limit by the benchmark's as-of day), and a rare old one.
                    (status, closed, result) = ("办理中", null, string.Empty);
                }
                else if (roll < 0.02)
                {
                    (status, closed, result) = ("已转办", received.AddDays(rng.Next(1, 4)), "已转镇相关部门办理");
                }
                else if (roll < 0.10)
                {
                    (status, closed) = ("已办结", due.AddDays(rng.Next(1, 15)));
                }
                else
                {
                    (status, closed) = ("已办结", received.AddDays(rng.Next(1, rules.DaysFor(category))));
                }

                var number = string.Create(CultureInfo.InvariantCulture, $"{received.Year}-{seq[received.Year]:D3}");
                var follow = status == "已办结" ? rng.Pick(FollowUps) : string.Empty;
                rows.Add(new Row(number, received, requester, string.Format(CultureInfo.InvariantCulture, subject, group), category, handler, due, status, closed, result, follow));
            }
        }

        return rows;
    }

    private static readonly string[] FollowUps = ["满意", "满意", "满意", "基本满意", string.Empty];

    public static string Csv(IEnumerable<Row> rows)
    {
        var sb = new StringBuilder("编号,受理日期,反映人,事项,类别,经办人,办结时限,状态,办结日期,办理结果,回访\n");
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Number},{Iso(r.Received)},{r.Requester},{r.Subject},{r.Category},{r.Handler},,{r.Status},{(r.Closed is { } c ? Iso(c) : string.Empty)},{Quote(r.Result)},{r.FollowUp}\n");
        }

        return sb.ToString();
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) ? "\"" + s + "\"" : s;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
