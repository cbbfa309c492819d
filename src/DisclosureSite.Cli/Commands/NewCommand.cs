using System.CommandLine;
using DisclosureSite.Model;
using DisclosureSite.Publishing.Scaffolding;

namespace DisclosureSite.Cli.Commands;

/// <summary>
/// <c>disclosure new &lt;unit&gt; &lt;period&gt;</c>: creates the files a unit owes for a period, never overwriting.
/// Exit codes: 0 done, 1 the input cannot be loaded, 2 unknown unit, bad period or a period the unit owes nothing in.
/// </summary>
public static class NewCommand
{
    internal static Command Create(CliContext context, Dictionary<Command, string> missingArguments)
    {
        var unit = new Argument<string>("unit") { Description = "单位代码(units.csv 的 id),例如 dongshan" };
        var period = new Argument<string>("period") { Description = "期次:2026-Q3(季度)、2026-H1(半年)、2026-M01(月)或 2026(年)" };
        var input = CliOptions.Input();
        var csv = CliOptions.Flag("--csv", "表格模板用 CSV(默认是按会计账页排好的 .xlsx)");
        var command = new Command("new", "生成一个单位某一期要公开的文件(带【】提示的模板),已有的文件不覆盖") { unit, period, input, csv };
        missingArguments[command] = "需要两个参数:单位代码和期次,例如 disclosure new dongshan 2026-Q4(expected <unit> <period>)。";
        command.SetAction(p => Run(p.GetValue(unit)!, p.GetValue(period)!, p.GetValue(input)!, p.GetValue(csv), context));
        return command;
    }

    private static int Run(string unitId, string periodText, string inputDir, bool csv, CliContext context)
    {
        var loaded = CliInput.Load(inputDir, context);
        if (loaded is null)
        {
            return 2;
        }

        if (loaded.Input is not { } input)
        {
            context.Error.WriteLine("site.yaml 或规则读不出来,无法知道要公开哪些事项。请先运行 disclosure check 并改正错误。");
            return 1;
        }

        if (!Period.TryParse(periodText, out var period))
        {
            context.Error.WriteLine($"期次 '{periodText}' 写法不对。请写成 2026-Q3(季度)、2026-H1(半年)、2026-M01(月)或 2026(年)。");
            return 2;
        }

        if (input.FindUnit(unitId) is not { } unit)
        {
            var known = string.Join("、", input.Units.Select(u => $"{u.Id}({u.Name})"));
            context.Error.WriteLine($"units.csv 里没有单位代码 '{unitId}'。已有的单位:{known}。");
            return 2;
        }

        if (!unit.ExistsIn(period))
        {
            context.Error.WriteLine($"{unit.Name}在 {period}({period.ToChinese()})不存在(见 units.csv 的 since/until),不需要公开。");
            return 2;
        }

        var items = DisclosureScaffold.ItemsOwed(input.Rules, unit, period);
        if (items.Count == 0)
        {
            var schedules = DisclosureScaffold.Schedules(input.Rules, unit.Level)
                .Select(s => $"{s.Streams}按{KindName(s.Kind)}({Examples(period.Year, s.Kind)})");
            context.Error.WriteLine($"{unit.Name}({unit.Level.ToChinese()})在 {period}({period.ToChinese()})没有要公开的事项。{unit.Level.ToChinese()}的公开期次是:{string.Join(";", schedules)}。");
            return 2;
        }

        var files = DisclosureScaffold.Write(input.Root, unit, period, items, csv: csv);
        var written = files.Where(f => f.Written).ToList();
        var skipped = files.Where(f => !f.Written).ToList();
        context.Out.WriteLine($"{unit.Name} {period.ToChinese()}:{items.Count} 个事项,新建 {written.Count} 个文件,跳过已有的 {skipped.Count} 个。");
        foreach (var f in written)
        {
            context.Out.WriteLine($"  新建 {f.Path}");
        }

        foreach (var f in skipped)
        {
            context.Out.WriteLine($"  已有,跳过 {f.Path}");
        }

        foreach (var board in files.Where(f => f.Path.StartsWith("board/", StringComparison.Ordinal)))
        {
            context.Out.WriteLine($"公开栏照片:请把本月公开栏的远景、近景照片(.jpg)放进 {board.Path},不需要 .md 文件。");
        }

        if (written.Count > 0)
        {
            context.Out.WriteLine("请把每个文件里的【】提示换成本期的真实内容,表格填上明细后再提交;没有内容的事项写 nil(见文件开头的提示)。");
            context.Out.WriteLine("没改完的文件(还有【】提示,或表格没有一行数据)检查时会报错 input.placeholder,不会发布。");
        }

        return 0;
    }

    private static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.HalfYear => "半年",
        PeriodKind.Quarter => "季度",
        PeriodKind.Month => "月",
        _ => "年",
    };

    private static string Examples(int year, PeriodKind kind) => kind switch
    {
        PeriodKind.HalfYear => $"{year}-H1、{year}-H2",
        PeriodKind.Quarter => $"{year}-Q1 … {year}-Q4",
        PeriodKind.Month => $"{year}-M01 … {year}-M12",
        _ => $"{year}",
    };
}
