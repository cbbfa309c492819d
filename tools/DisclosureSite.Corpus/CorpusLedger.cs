using System.Globalization;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>One row of a generated 收支 ledger; exactly one of income and expense is set.</summary>
internal sealed record LedgerEntry(DateOnly Day, string Summary, string Subject, decimal? Income, decimal? Expense, string Handler, string Voucher);

/// <summary>
/// A generated ledger: rows, balances and totals in decimal 元, so the 合计 row and
/// opening + income − expense = closing hold to the fen.
/// </summary>
internal sealed record CorpusLedger(IReadOnlyList<LedgerEntry> Rows, decimal Opening)
{
    public const int RowCount = 20;

    public decimal Income => Rows.Sum(r => r.Income ?? 0m);

    public decimal Expense => Rows.Sum(r => r.Expense ?? 0m);

    public decimal Closing => Opening + Income - Expense;

    /// <summary>The two biggest income and expense summaries, for the body text.</summary>
    public (string Income, string Expense) Highlights()
    {
        static string Top(IEnumerable<(string S, decimal V)> xs) =>
            string.Join("、", xs.OrderByDescending(x => x.V).Select(x => x.S).Distinct().Take(2));
        return (Top(Rows.Where(r => r.Income is not null).Select(r => (r.Summary, r.Income!.Value))),
                Top(Rows.Where(r => r.Expense is not null).Select(r => (r.Summary, r.Expense!.Value))));
    }

    public static string Plain(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The CSV clerks would export: 日期,摘要,科目,收入,支出,经手人,凭证号 (+大写金额), with a 合计 row.</summary>
    public string ToCsv(bool amountWords)
    {
        var sb = new StringBuilder(1600);
        sb.Append("日期,摘要,科目,收入,支出,经手人,凭证号").Append(amountWords ? ",大写金额\n" : "\n");
        foreach (var r in Rows)
        {
            sb.Append(r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
              .Append(r.Summary).Append(',').Append(r.Subject).Append(',')
              .Append(r.Income is { } i ? Plain(i) : string.Empty).Append(',')
              .Append(r.Expense is { } e ? Plain(e) : string.Empty).Append(',')
              .Append(r.Handler).Append(',').Append(r.Voucher);
            if (amountWords)
            {
                sb.Append(',').Append(ChineseAmountWords.Format(r.Income ?? r.Expense ?? 0m));
            }

            sb.Append('\n');
        }

        sb.Append(",合计,,").Append(Plain(Income)).Append(',').Append(Plain(Expense)).Append(",,").Append(amountWords ? ",\n" : "\n");
        return sb.ToString();
    }

    /// <summary>The same table in Markdown, for the Hugo side of the comparison.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder(2000);
        sb.Append("| 日期 | 摘要 | 科目 | 收入 | 支出 | 经手人 | 凭证号 |\n| --- | --- | --- | ---: | ---: | --- | --- |\n");
        foreach (var r in Rows)
        {
            sb.Append("| ").Append(r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" | ").Append(r.Summary).Append(" | ").Append(r.Subject)
              .Append(" | ").Append(r.Income is { } i ? Amount.Format(i) : string.Empty)
              .Append(" | ").Append(r.Expense is { } e ? Amount.Format(e) : string.Empty)
              .Append(" | ").Append(r.Handler).Append(" | ").Append(r.Voucher).Append(" |\n");
        }

        sb.Append("| | **合计** | | **").Append(Amount.Format(Income)).Append("** | **").Append(Amount.Format(Expense)).Append("** | | |\n");
        return sb.ToString();
    }
}

/// <summary>Makes ledgers from banks of realistic transactions per item.</summary>
internal static class LedgerMaker
{
    private sealed record Tx(string Summary, string Subject, int Lo, int Hi, int Step, bool Cents);

    private sealed record Bank(Tx[] In, Tx[] Out);

    private static readonly Bank Village = new(
        [
            new("上级转移支付(村级组织运转经费)", "补助收入", 18000, 45000, 100, false),
            new("{asset}租金收入", "租赁收入", 3000, 24000, 50, false),
            new("村股份经济合作社分红", "投资收益", 5000, 20000, 100, false),
            new("银行存款利息", "其他收入", 30, 600, 1, true),
            new("上级拨付人居环境整治奖补", "补助收入", 5000, 20000, 500, false),
        ],
        [
            new("村道路面坑洼维修", "公益事业支出", 3000, 18000, 10, false),
            new("办公费(打印纸、墨盒)", "管理费用", 180, 1600, 1, true),
            new("保洁员工资", "管理费用", 5400, 9000, 100, false),
            new("村部水电费", "管理费用", 260, 1800, 1, true),
            new("村干部误工补贴", "管理费用", 3000, 12000, 100, false),
            new("走访慰问困难群众", "其他支出", 1000, 5000, 100, false),
            new("路灯维修及电费", "公益事业支出", 400, 3200, 1, true),
            new("防汛物资采购", "公益事业支出", 800, 4500, 10, false),
            new("村庄环境整治(清运、绿化)", "公益事业支出", 3000, 15000, 100, false),
            new("垃圾清运费", "公益事业支出", 900, 3600, 50, false),
            new("村级网格员补贴", "管理费用", 1200, 3600, 100, false),
        ]);

    private static readonly Bank Assets = new(
        [
            new("{asset}承包费", "发包及上交收入", 4000, 30000, 100, false),
            new("{asset}租金", "租赁收入", 2000, 18000, 50, false),
            new("村集体光伏发电收益", "经营收入", 800, 5200, 1, true),
            new("收回村民借款", "应收款", 1000, 8000, 100, false),
        ],
        [
            new("{asset}维修", "经营支出", 600, 8000, 10, false),
            new("集体资产收益分配(按股分红)", "收益分配", 5000, 30000, 100, false),
            new("偿还村道工程尾款", "应付款", 3000, 20000, 100, false),
            new("集体资产保险费", "管理费用", 300, 1500, 1, true),
            new("集体资产清查评估费", "管理费用", 800, 3000, 100, false),
        ]);

    private static readonly Bank Construction = new(
        [
            new("上级拨付美丽乡村建设补助资金", "专项应付款", 30000, 120000, 1000, false),
            new("一事一议财政奖补资金", "专项应付款", 20000, 80000, 1000, false),
            new("乡村振兴衔接资金", "专项应付款", 20000, 100000, 1000, false),
        ],
        [
            new("{project}工程进度款", "专项应付款", 8000, 60000, 100, false),
            new("{project}监理费", "专项应付款", 1200, 6000, 100, false),
            new("{project}设计费", "专项应付款", 1500, 8000, 100, false),
            new("{project}材料款(水泥、砂石)", "专项应付款", 3000, 20000, 100, false),
            new("{project}工程质保金", "专项应付款", 1000, 5000, 100, false),
        ]);

    private static readonly Bank Dues = new(
        [new("第{n}党小组缴纳党费", "党费收入", 120, 1200, 1, true)],
        [
            new("上缴镇党委党费", "党费上缴", 300, 2400, 1, true),
            new("购买党员学习教育资料", "党员教育", 200, 900, 10, false),
        ]);

    private static readonly Bank AidFund = new(
        [
            new("党员自愿捐助帮扶基金", "基金收入", 500, 4000, 50, false),
            new("镇党委下拨党内关怀帮扶资金", "基金收入", 2000, 8000, 500, false),
            new("村集体划拨帮扶基金", "基金收入", 1000, 5000, 500, false),
        ],
        [
            new("帮扶困难党员{masked}", "帮扶支出", 500, 3000, 100, false),
            new("走访慰问生病党员{masked}", "帮扶支出", 300, 1500, 100, false),
            new("“七一”慰问老党员", "帮扶支出", 1000, 4000, 100, false),
            new("春节慰问困难党员", "帮扶支出", 1000, 5000, 100, false),
        ]);

    private static readonly Bank Township = new(
        [
            new("县财政预算拨款(基本支出)", "财政拨款收入", 300000, 900000, 1000, false),
            new("上级专项转移支付", "财政拨款收入", 50000, 400000, 1000, false),
            new("乡镇统筹资金", "其他收入", 20000, 90000, 100, false),
        ],
        [
            new("机关办公经费", "商品和服务支出", 8000, 40000, 10, true),
            new("公务用车运行维护费", "商品和服务支出", 3000, 15000, 10, true),
            new("干部职工培训费", "商品和服务支出", 2000, 12000, 100, false),
            new("机关水电费", "商品和服务支出", 3000, 12000, 1, true),
            new("村级组织运转经费拨付", "对下转移支付", 100000, 300000, 1000, false),
            new("防汛抗旱应急经费", "项目支出", 10000, 60000, 100, false),
            new("办公设备购置", "资本性支出", 5000, 30000, 100, false),
            new("工资福利支出", "工资福利支出", 200000, 500000, 100, true),
        ]);

    private static readonly Bank Community = new(
        [
            new("上级拨付社区工作经费", "补助收入", 20000, 60000, 1000, false),
            new("党群服务中心场地使用费", "其他收入", 500, 3000, 50, false),
            new("社区公益慈善捐赠", "捐赠收入", 1000, 8000, 100, false),
        ],
        [
            new("社区文体活动经费", "活动支出", 800, 6000, 10, false),
            new("网格员补贴", "人员支出", 3000, 9000, 100, false),
            new("办公耗材", "办公支出", 200, 1800, 1, true),
            new("小区楼道卫生保洁", "公共服务支出", 1500, 6000, 100, false),
            new("长者食堂运营补贴", "公共服务支出", 2000, 8000, 100, false),
            new("消防器材更换", "公共服务支出", 600, 4000, 10, false),
        ]);

    private static Bank BankFor(string item) => item switch
    {
        "village.assets" => Assets,
        "village.construction-funds" => Construction,
        "party.dues" => Dues,
        "party.aid-fund" => AidFund,
        "gov.finance" => Township,
        "community.finance" => Community,
        _ => Village,
    };

    /// <summary>A typical opening balance for a unit's first ledger of an item.</summary>
    public static decimal FirstOpening(Random rng, string item) => item switch
    {
        "gov.finance" => rng.Money(400000, 1200000, 100, true),
        "party.dues" or "party.aid-fund" => rng.Money(800, 6000, 1, true),
        _ => rng.Money(20000, 180000, 1, true),
    };

    /// <summary>
    /// Twenty rows dated inside the period, in date order; an expense is drawn only when the running balance
    /// covers it, so balances never go negative.
    /// </summary>
    public static CorpusLedger Make(Random rng, string item, Period period, decimal opening, CorpusUnit unit)
    {
        var bank = BankFor(item);
        var days = new DateOnly[CorpusLedger.RowCount];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = rng.DayIn(period.Start, period.End);
        }

        Array.Sort(days);
        var rows = new List<LedgerEntry>(CorpusLedger.RowCount);
        var balance = opening;
        for (var i = 0; i < days.Length; i++)
        {
            var wantExpense = rng.Chance(0.6);
            var tx = rng.Pick(wantExpense ? bank.Out : bank.In);
            var value = rng.Money(tx.Lo, tx.Hi, tx.Step, tx.Cents);
            if (wantExpense && value > balance)
            {
                wantExpense = false;
                tx = rng.Pick(bank.In);
                value = rng.Money(tx.Lo, tx.Hi, tx.Step, tx.Cents);
            }

            balance += wantExpense ? -value : value;
            var summary = tx.Summary
                .Replace("{asset}", rng.Pick(unit.Assets), StringComparison.Ordinal)
                .Replace("{project}", rng.Pick(unit.Projects), StringComparison.Ordinal)
                .Replace("{n}", ChineseNumber(rng.Next(1, 7)), StringComparison.Ordinal)
                .Replace("{masked}", CorpusNames.MaskedPerson(rng), StringComparison.Ordinal);
            var voucher = $"J{days[i]:yyMM}-{i + 1:D3}";
            rows.Add(new LedgerEntry(days[i], summary, tx.Subject, wantExpense ? null : value, wantExpense ? value : null, rng.Pick(unit.Handlers), voucher));
        }

        return new CorpusLedger(rows, opening);
    }

    public static string ChineseNumber(int n) => n switch
    {
        <= 0 => "零",
        < 10 => "一二三四五六七八九"[n - 1].ToString(),
        10 => "十",
        < 20 => "十" + "一二三四五六七八九"[n - 11],
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
