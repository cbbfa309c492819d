using DisclosureSite.Cli;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Tests;

/// <summary>A clock stopped at one instant, so "today in China" can be tested at the edges.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Periods, deadlines, coverage and the time-zone rule (SPEC §1, §5; issue 4).</summary>
public class ScheduleTests
{
    [TestCase("2026-H1", "2026-07-20")]
    [TestCase("2026-H2", "2027-01-20")]
    [TestCase("2026-Q1", "2026-04-20")]
    [TestCase("2026-Q2", "2026-07-20")]
    [TestCase("2026-Q3", "2026-10-20")]
    [TestCase("2026-Q4", "2027-01-20")]
    [TestCase("2025-Q4", "2026-01-20")]
    [TestCase("2026-M01", "2026-02-20")]
    [TestCase("2026-M12", "2027-01-20")]
    [TestCase("2026", "2027-01-20")]
    public void Standard_deadline_is_the_20th_of_the_month_after_the_period(string period, string deadline)
    {
        Assert.That(DueRule.Standard.DeadlineFor(Period.Parse(period)), Is.EqualTo(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("2028-M01", 30, 1, "2028-02-29")]
    [TestCase("2027-M01", 30, 1, "2027-02-28")]
    [TestCase("2026-M03", 3, 0, "2026-03-03")]
    [TestCase("2024-M02", 31, 0, "2024-02-29")]
    public void Deadlines_past_the_end_of_a_short_month_fall_on_its_last_day(string period, int day, int monthsAfter, string deadline)
    {
        Assert.That(new DueRule(day, monthsAfter).DeadlineFor(Period.Parse(period)), Is.EqualTo(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("2026-Q3", "2026年第三季度", "2026-07-01", "2026-09-30")]
    [TestCase("2026-H1", "2026年上半年", "2026-01-01", "2026-06-30")]
    [TestCase("2026-H2", "2026年下半年", "2026-07-01", "2026-12-31")]
    [TestCase("2026-M02", "2026年2月", "2026-02-01", "2026-02-28")]
    [TestCase("2028-M02", "2028年2月", "2028-02-01", "2028-02-29")]
    [TestCase("2026", "2026年度", "2026-01-01", "2026-12-31")]
    public void Period_formats_in_Chinese_and_knows_its_span(string text, string chinese, string start, string end)
    {
        var p = Period.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(p.ToString(), Is.EqualTo(text));
            Assert.That(p.ToChinese(), Is.EqualTo(chinese));
            Assert.That(p.Start, Is.EqualTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(p.End, Is.EqualTo(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [TestCase("2026-Q5")]
    [TestCase("2026-Q0")]
    [TestCase("2026-H3")]
    [TestCase("2026-M13")]
    [TestCase("2026-M1")]
    [TestCase("26-Q1")]
    [TestCase("2026Q1")]
    [TestCase("2026-X1")]
    [TestCase("")]
    public void Invalid_periods_do_not_parse(string text)
    {
        Assert.That(Period.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Periods_are_equal_field_by_field_with_the_record_hash()
    {
        var all = Enumerable.Range(2024, 3).SelectMany(y => new[] { Period.OfYear(y) }
            .Concat(Enumerable.Range(1, 2).Select(h => Period.Half(y, h)))
            .Concat(Enumerable.Range(1, 4).Select(q => Period.Quarter(y, q)))
            .Concat(Enumerable.Range(1, 12).Select(m => Period.Month(y, m)))).ToList();
        foreach (var a in all)
        {
            // The hash a record struct of (Year, Kind, Index) generates: periods hash as they always did.
            Assert.That(a.GetHashCode(), Is.EqualTo(unchecked((((a.Year * -1521134295) + (int)a.Kind) * -1521134295) + a.Index)));
            foreach (var b in all)
            {
                var same = a.Year == b.Year && a.Kind == b.Kind && a.Index == b.Index;
                Assert.That(a.Equals(b), Is.EqualTo(same));
                Assert.That(a == b, Is.EqualTo(same));
                Assert.That(a.Equals((object)b), Is.EqualTo(same));
                Assert.That(a.CompareTo(b) == 0, Is.EqualTo(same), $"{a} {b}");
            }
        }

        Assert.That(all.ToHashSet(), Has.Count.EqualTo(all.Count));
        Assert.That(Period.Parse("2026-Q3").Equals((object)"2026-Q3"), Is.False);
    }

    [Test]
    public void Periods_order_chronologically_and_wrap_at_year_end()
    {
        var list = new[] { "2026-Q1", "2025-H2", "2025-Q4", "2026-M01", "2025" }.Select(Period.Parse).Order().Select(p => p.ToString());
        Assert.That(list, Is.EqualTo(new[] { "2025-Q4", "2025-H2", "2025", "2026-M01", "2026-Q1" }));
        Assert.That(Period.Parse("2025-Q4").Next().ToString(), Is.EqualTo("2026-Q1"));
        Assert.That(Period.Parse("2026-M01").Previous().ToString(), Is.EqualTo("2025-M12"));
    }

    /// <summary>A township-only site (no standing information needed) with one gov.finance disclosure in 2026-Q3.</summary>
    private static string Site(string? published, int graceDays = 0, string? publishAt = null)
    {
        var dir = TestPaths.TempDir();
        File.WriteAllText(Path.Combine(dir, "site.yaml"), $"name: 测试镇\nsince: 2026-Q3\nhotline: 0591-1234567\ndates_from: declared\noverrides: {{ grace_days: {graceDays}, remove_items: [gov.leaders, gov.plans-budget, gov.procurement, gov.enterprises, gov.land, gov.welfare, gov.projects, gov.personnel, gov.fees, party.plan, party.performance, party.democratic-life, party.decisions, party.integrity, party.members-dues, party.cadres, party.hardship] }}\n");
        File.WriteAllText(Path.Combine(dir, "units.csv"), "id,name,level,parent\nzhen,测试镇,township,\n");
        if (published is not null)
        {
            var folder = Path.Combine(dir, "disclosures", "zhen", "2026-Q3");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "finance.md"), $"---\nitem: gov.finance\npublished: {published}\n{(publishAt is null ? string.Empty : $"publish_at: {publishAt}\n")}---\n正文\n");
        }

        return dir;
    }

    private static IReadOnlyList<Finding> CheckAt(string dir, DateOnly asOf)
    {
        var loaded = InputLoader.Load(dir);
        Assert.That(loaded.HasErrors, Is.False, string.Join("\n", loaded.Findings.Select(f => f.Message)));
        return Validator.Check(loaded, asOf, GitHistory.None("test")).Findings;
    }

    [TestCase("2026-10-20", null, null)]
    [TestCase("2026-10-21", "schedule.late", 1)]
    [TestCase("2027-01-05", "schedule.late", 77)]
    [TestCase("2026-09-15", null, null)]
    public void Quarter_due_on_the_20th_is_on_time_until_the_end_of_that_day(string published, string? code, int? days)
    {
        var f = CheckAt(Site(published), new DateOnly(2027, 1, 10)).Where(x => x.Period == "2026-Q3").ToList();
        Assert.That(f.Select(x => x.Code), code is null ? Is.Empty : Is.EqualTo(new[] { code }));
        if (days is not null)
        {
            Assert.That(f[0].Days, Is.EqualTo(days));
        }
    }

    [Test]
    public void Grace_days_extend_the_deadline()
    {
        Assert.That(CheckAt(Site("2026-10-23", graceDays: 3), new DateOnly(2026, 11, 1)), Is.Empty);
        Assert.That(CheckAt(Site("2026-10-24", graceDays: 3), new DateOnly(2026, 11, 1)).Single().Days, Is.EqualTo(1));
    }

    [TestCase(2026, 10, 20, 1)]
    [TestCase(2026, 10, 10, 10)]
    [TestCase(2026, 10, 9, null)]
    public void Due_soon_notice_counts_the_days_left(int y, int m, int d, int? daysLeft)
    {
        var f = CheckAt(Site(null), new DateOnly(y, m, d).AddDays(daysLeft == 1 ? -1 : 0));
        if (daysLeft is null)
        {
            Assert.That(f, Is.Empty);
            return;
        }

        Assert.That(f.Single().Code, Is.EqualTo(FindingCodes.DueSoon));
        Assert.That(f.Single().Days, Is.EqualTo(daysLeft));
    }

    [Test]
    public void Missing_item_is_reported_the_day_after_the_deadline()
    {
        Assert.That(CheckAt(Site(null), new DateOnly(2026, 10, 20)).Single().Code, Is.EqualTo(FindingCodes.DueSoon));
        var missing = CheckAt(Site(null), new DateOnly(2026, 10, 21)).Single();
        Assert.That((missing.Code, missing.Days, missing.Severity), Is.EqualTo((FindingCodes.Missing, (int?)1, Severity.Warning)));
    }

    [Test]
    public void Embargoed_item_is_not_yet_published_and_becomes_late_if_released_after_the_deadline()
    {
        Assert.That(CheckAt(Site("2026-10-10", publishAt: "2026-10-25"), new DateOnly(2026, 10, 15)), Is.Empty);
        var f = CheckAt(Site("2026-10-10", publishAt: "2026-10-25"), new DateOnly(2026, 10, 30)).Single();
        Assert.That((f.Code, f.Days), Is.EqualTo((FindingCodes.Late, (int?)5)));
    }

    [Test]
    public void Today_is_the_date_in_China_not_the_machines_UTC_date()
    {
        var dir = Site(null);

        // 16:30 UTC on Oct 20 is 00:30 on Oct 21 in Asia/Shanghai: the Q3 deadline has passed.
        var late = RunCheck(dir, new DateTimeOffset(2026, 10, 20, 16, 30, 0, TimeSpan.Zero));
        Assert.That(late, Does.Contain("\"code\": \"schedule.missing\"").And.Contain("\"as_of\": \"2026-10-21\""));

        // 15:59 UTC is 23:59 in China, still the deadline day.
        var onTime = RunCheck(dir, new DateTimeOffset(2026, 10, 20, 15, 59, 0, TimeSpan.Zero));
        Assert.That(onTime, Does.Contain("\"code\": \"schedule.due-soon\"").And.Contain("\"as_of\": \"2026-10-20\""));
    }

    private static string RunCheck(string dir, DateTimeOffset now)
    {
        var output = new StringWriter();
        CommandLine.Run(["check", "--input", dir, "--format", "json"], new CliContext(output, new StringWriter(), new FixedClock(now)));
        return output.ToString();
    }

    [Test]
    public void H1_only_items_are_owed_only_in_the_first_half()
    {
        var rules = InputLoader.Load(TestPaths.DemoInput).Input!.Rules;
        var plan = rules.FindItem(UnitLevel.Village, "party.plan")!;
        Assert.That(plan.IsRequiredIn(Period.Parse("2026-H1")), Is.True);
        Assert.That(plan.IsRequiredIn(Period.Parse("2026-H2")), Is.False);
    }

    [Test]
    public void A_merged_village_owes_nothing_after_it_is_merged_away()
    {
        var input = InputLoader.Load(TestPaths.DemoInput).Input!;
        var context = Validator.Context(input, new DateOnly(2026, 11, 24), GitHistory.None("test"));
        Assert.That(context.Compliance.Where(e => e.Unit.Id == "laowu").Max(e => e.Period.End), Is.LessThanOrEqualTo(new DateOnly(2025, 12, 31)));
    }

    [Test]
    public void Monthly_finance_preset_makes_village_finance_monthly()
    {
        var dir = TestPaths.TempDir();
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Fixtures, "good", "base", "input"), dir);
        File.AppendAllText(Path.Combine(dir, "site.yaml"), "overrides: { presets: [monthly-finance] }\n");
        var findings = Validator.Check(InputLoader.Load(dir), new DateOnly(2025, 2, 21), GitHistory.None("test")).Findings;
        Assert.That(findings.Select(f => (f.Code, f.Period, f.Item)), Is.EqualTo(new[] { (FindingCodes.Missing, (string?)"2025-M01", (string?)"village.finance") }));
    }
}

/// <summary>The optional board-photos preset (seed 002: 每月3日前报公开栏照片).</summary>
public class BoardPhotoTests
{
    [Test]
    public void Board_photos_are_due_by_the_third_of_the_month_and_missing_months_are_缺报()
    {
        var dir = TestPaths.TempDir();
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Fixtures, "good", "base", "input"), dir);
        File.AppendAllText(Path.Combine(dir, "site.yaml"), "overrides: { presets: [board-photos] }\n");
        var jan = Path.Combine(dir, "board", "cun", "2025-01");
        Directory.CreateDirectory(jan);
        var photo = Path.Combine(jan, "far.jpg");
        File.WriteAllBytes(photo, [0xFF, 0xD8, 0xFF, 0xD9]);
        File.SetLastWriteTimeUtc(photo, new DateTime(2025, 1, 2, 1, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.Combine(dir, "board", "cun", "2025-13"));

        var report = Validator.Check(InputLoader.Load(dir), new DateOnly(2025, 2, 10), GitHistory.None("test"));
        var found = report.Findings.Select(f => (f.Code, f.Period, f.Item)).ToList();
        Assert.That(found, Is.EquivalentTo(new[]
        {
            (FindingCodes.BadPeriod, (string?)null, (string?)null),
            (FindingCodes.Missing, "2025-M02", "board.photos"),
        }));
    }
}
