using System.Globalization;
using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>What a generated corpus holds.</summary>
public sealed record CorpusSummary(int Units, int Disclosures, int Missing, int Late, int Nil, int Decisions, long Files, long Bytes, long HugoFiles)
{
    /// <summary>民情台账 matters written across all villages and communities.</summary>
    public int Requests { get; init; }
}

/// <summary>
/// <c>disclosure-corpus</c>: a synthetic county for benchmarks and tests, a valid input folder (SPEC §4) of any size
/// and, on request, the same pages as a Hugo site. Deterministic: every draw comes from <see cref="Random"/>
/// seeded from <see cref="CorpusOptions.Seed"/>, one generator per unit, so units are written in parallel and
/// identical arguments give identical files.
/// </summary>
public static class CorpusGenerator
{
    public const string Hotline = "0591-2100000";

    private static readonly string[] Industries = ["茶叶", "水稻", "食用菌", "蔬菜", "油茶", "毛竹", "柑橘", "生猪养殖", "乡村旅游", "花卉苗木"];

    private static readonly string[] AssetBank =
        ["村集体鱼塘", "村集体山林", "村部一楼店面", "村集体晒谷场", "村集体茶园", "村集体果园", "旧村部用房", "村集体厂房", "光伏电站", "集体林地"];

    private static readonly string[] ProjectBank =
        ["村主干道硬化工程", "灌溉水渠修缮工程", "村文化广场建设", "安全饮水提升工程", "便民桥维修工程", "路灯亮化工程", "村部卫生间改造", "河道护岸工程", "农村公路拓宽工程", "垃圾分类亭建设"];

    private static readonly (string Slug, string Title, string Item)[] DecisionBank =
    [
        ("road-hardening", "村主干道硬化工程", "village.public-works"),
        ("irrigation-canal", "灌溉水渠修缮", "village.public-works"),
        ("fishpond-lease", "村集体鱼塘发包", "village.contracts"),
        ("plaza", "村文化广场建设", "village.public-works"),
        ("forest-lease", "集体山林承包经营", "village.contracts"),
        ("water-supply", "安全饮水提升工程", "village.public-works"),
    ];

    private static readonly (string Role, string Note)[] TownshipRoles =
    [
        ("党委书记", "主持镇党委全面工作"), ("党委副书记、镇长", "主持镇政府全面工作"), ("党委副书记", "分管党建、组织、驻村联系工作"),
        ("纪委书记", "负责纪检监察，受理监督投诉"), ("副镇长", "分管农业农村、水利、林业"), ("副镇长", "分管财政、民政、社会救助"),
        ("组织委员", "负责村级组织建设和党员管理"), ("党政办主任", "负责党务政务公开日常工作"),
    ];

    private static readonly Dictionary<string, string> NilReasons = new(StringComparer.Ordinal)
    {
        ["village.land"] = "本期无征地补偿、土地流转和宅基地审批事项",
        ["village.contracts"] = "本期无集体资产资源承包、租赁、出售和转让事项",
        ["party.members"] = "本期无党员发展及奖惩事项",
        ["gov.enterprises"] = "本期无经济实体承包、租赁、拍卖事项",
        ["community.major-issues"] = "本期无需公开的重大问题办理事项",
    };

    /// <summary>Generates the corpus; the output folders must be new, empty or earlier corpora (see <see cref="CorpusOutput"/>).</summary>
    public static CorpusSummary Generate(CorpusOptions options)
    {
        if (options.Villages < 1 || options.Villages > CorpusOptions.MaxVillages || options.Years < 1 || options.Years > 30 || options.End.Kind != PeriodKind.Quarter)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options, "1..5000 villages, 1..30 years, a quarter as end period");
        }

        var output = CorpusOutput.Open(options.OutputDir, options.WorkingDirectory, out var refused) ?? throw new Site.Write.ToolFolderRefusedException(refused!);
        CorpusOutput? hugo = null;
        if (options.HugoDir is { } hugoDir)
        {
            hugo = CorpusOutput.Open(hugoDir, options.WorkingDirectory, out refused) ?? throw new Site.Write.ToolFolderRefusedException(refused!);
        }

        var rules = RulePresetLoader.Parse(RulePresetLoader.BuiltInText("sanwu")!, "seeds/sanwu.yaml", RuleOverrides.None, new FindingSink())
            ?? throw new InvalidOperationException("the built-in sanwu preset does not load");

        var master = new Random(options.Seed);
        var places = CorpusNames.Places(master, 1 + options.Villages + options.Communities);
        var township = MakeTownship(master, places[0]);
        var leaders = TownshipRoles.Select((r, k) => (Name: CorpusNames.Person(master), r.Role, r.Note, Phone: $"0591-{2100001 + k}")).ToArray();
        var units = new List<CorpusUnit> { township };
        for (var i = 1; i < places.Count; i++)
        {
            var level = i <= options.Villages ? UnitLevel.Village : UnitLevel.Community;
            var leader = leaders[1 + (i % (leaders.Length - 1))];
            units.Add(MakeUnit(master, i, places[i], level, leader, options.Villages));
        }

        var siteName = township.Name + "三务公开";
        var baseUrl = $"https://example.github.io/{township.Id}/";
        WriteSite(output, options, siteName, baseUrl, township);
        WriteUnits(output, units);
        WritePeople(output, units, leaders);
        if (hugo is not null)
        {
            HugoSite.WriteSkeleton(hugo, siteName, baseUrl, Hotline);
            hugo.Write("content/_index.md", HugoSite.FrontMatter(siteName, null, []) +
                $"{township.Name}辖{options.Villages}个行政村、{options.Communities}个社区。党务每半年、政务和村务每季度公开一次。监督投诉电话:{Hotline}。\n");
        }

        var counts = new int[units.Count, 6];
        Parallel.For(0, units.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var c = new UnitWriter(units[i], township, rules, options, output, hugo).Write();
            counts[i, 0] = c.Disclosures;
            counts[i, 1] = c.Missing;
            counts[i, 2] = c.Late;
            counts[i, 3] = c.Nil;
            counts[i, 4] = c.Decisions;
            counts[i, 5] = c.Requests;
        });

        int Sum(int k) => Enumerable.Range(0, units.Count).Sum(i => counts[i, k]);
        return new CorpusSummary(units.Count, Sum(0), Sum(1), Sum(2), Sum(3), Sum(4), output.Files, output.Bytes, hugo?.Files ?? 0) { Requests = Sum(5) };
    }

    private static CorpusUnit MakeTownship(Random rng, (string Id, string Stem) place)
    {
        var secretary = CorpusNames.Person(rng);
        return new CorpusUnit(
            0, place.Id, place.Stem + "镇", UnitLevel.Township, "350123101000", "0591-2100009", secretary, "党委书记", "0591-2100001", [],
            secretary, CorpusNames.Person(rng), CorpusNames.Person(rng), [CorpusNames.Person(rng), CorpusNames.Person(rng)],
            rng.Pick(Industries), [.. rng.GetItems(AssetBank, 2)], [.. rng.GetItems(ProjectBank, 2)], rng.Next());
    }

    private static CorpusUnit MakeUnit(Random rng, int index, (string Id, string Stem) place, UnitLevel level, (string Name, string Role, string Note, string Phone) leader, int villages)
    {
        var village = level == UnitLevel.Village;
        var code = village ? (index < 800 ? $"350123101{200 + index:D3}" : string.Empty) : $"350123101{index - villages:D3}";
        var residents = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => CorpusNames.Person(rng)).ToArray();
        var secretary = CorpusNames.Person(rng);
        var director = CorpusNames.Person(rng);
        return new CorpusUnit(
            index, place.Id, place.Stem + (village ? "村" : "社区"), level, code, $"0591-{3000000 + index}",
            leader.Name, leader.Role, leader.Phone, residents, secretary, director, CorpusNames.Person(rng),
            [secretary, director, CorpusNames.Person(rng)], rng.Pick(Industries),
            [.. rng.GetItems(AssetBank, 2)], [.. rng.GetItems(ProjectBank, 2)], rng.Next());
    }

    private static void WriteSite(CorpusOutput output, CorpusOptions options, string siteName, string baseUrl, CorpusUnit township) =>
        output.Write("site.yaml", $$"""
            # {{siteName}} — a synthetic county corpus: `disclosure corpus --units {{options.Villages}} --years {{options.Years}} --seed {{options.Seed}} --end-period {{options.End}}`.
            name: {{siteName}}
            base_url: {{baseUrl}}
            timezone: Asia/Shanghai
            language: zh-CN
            rules: sanwu
            since: {{options.Start}}
            hotline: {{Hotline}}
            repository: example/{{township.Id}}-disclosure
            # Generated data has no real publication history: dates are the self-declared ones.
            dates_from: declared
            overrides: { grace_days: 0, due_soon_days: 10, decision_publish_days: 7 }

            """);

    private static void WriteUnits(CorpusOutput output, IReadOnlyList<CorpusUnit> units)
    {
        var sb = new StringBuilder("id,name,level,parent,division_code,clerk,since,until\n");
        var township = units[0];
        foreach (var u in units)
        {
            var parent = u.Level == UnitLevel.Township ? string.Empty : township.Id;
            sb.Append($"{u.Id},{u.Name},{u.Level.ToKey()},{parent},{u.DivisionCode},{township.Id}-{u.Id},,\n");
        }

        output.Write("units.csv", sb.ToString());
    }

    private static void WritePeople(CorpusOutput output, IReadOnlyList<CorpusUnit> units, IReadOnlyList<(string Name, string Role, string Note, string Phone)> leaders)
    {
        var sb = new StringBuilder("unit,role,name,phone,note\n");
        foreach (var l in leaders)
        {
            sb.Append($"{units[0].Id},{l.Role},{l.Name},{l.Phone},{l.Note}\n");
        }

        foreach (var u in units.Skip(1))
        {
            var community = u.Level == UnitLevel.Community;
            sb.Append($"{u.Id},包村领导,{u.Leader},{u.LeaderPhone},{u.LeaderTitle}，联系{u.Name}\n");
            foreach (var r in u.Residents)
            {
                sb.Append($"{u.Id},{(community ? "驻社区干部" : "驻村干部")},{r},{u.Office},每周二、四在{u.Short}部办公\n");
            }

            sb.Append($"{u.Id},{(community ? "社区党组织书记" : "村党支部书记")},{u.Secretary},{u.Office},\n");
            sb.Append($"{u.Id},{(community ? "居委会主任" : "村委会主任")},{u.Director},{u.Office},\n");
            sb.Append($"{u.Id},{(community ? "居务监督委员会主任" : "村务监督委员会主任")},{u.Supervisor},{u.Office},受理{u.Short}务公开意见\n");
        }

        output.Write("people.csv", sb.ToString());
    }

    /// <summary>Writes everything of one unit with the unit's own generator: standing files, disclosures, decisions.</summary>
    private sealed class UnitWriter(CorpusUnit unit, CorpusUnit township, RuleSet rules, CorpusOptions options, CorpusOutput output, CorpusOutput? hugo)
    {
        private readonly Random _rng = new(unit.Seed);
        private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
        private readonly StringBuilder _hugoUnit = new();
        private CorpusText _text = null!;

        public int Disclosures { get; private set; }

        public int Missing { get; private set; }

        public int Late { get; private set; }

        public int Nil { get; private set; }

        public int Decisions { get; private set; }

        public int Requests { get; private set; }

        public UnitWriter Write()
        {
            _text = new CorpusText(_rng, unit, township.Name, Hotline);
            if (unit.Level != UnitLevel.Township)
            {
                WriteStanding();
                WriteRequests();
            }

            var periods = Periods().ToList();
            foreach (var period in periods)
            {
                WritePeriod(period);
            }

            if (unit.Level == UnitLevel.Village)
            {
                WriteDecisions();
            }

            if (hugo is not null)
            {
                var intro = unit.Level == UnitLevel.Township
                    ? $"{unit.Name}党务、政务公开。监督投诉电话:{Hotline}。\n"
                    : _hugoUnit.ToString();
                hugo.Write($"content/{unit.Id}/_index.md", HugoSite.FrontMatter(unit.Name, null, [("level", unit.Level.ToKey())]) + intro);
            }

            return this;
        }

        /// <summary>Quarters from the start through the end period, then the half-years inside them, oldest first.</summary>
        private IEnumerable<Period> Periods()
        {
            for (var q = options.Start; q <= options.End; q = q.Next())
            {
                yield return q;
                if (q.Index is 2 or 4)
                {
                    yield return Period.Half(q.Year, q.Index / 2);
                }
            }
        }

        private void WriteStanding()
        {
            string[] days = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
            var people = new[] { (unit.Secretary, unit.Level == UnitLevel.Community ? "社区党组织书记" : "村党支部书记"), (unit.Director, unit.Level == UnitLevel.Community ? "居委会主任" : "村委会主任") }
                .Concat(unit.Residents.Select(r => (r, unit.Level == UnitLevel.Community ? "驻社区干部" : "驻村干部")))
                .Append((CorpusNames.Person(_rng), $"{unit.Short}“两委”委员"))
                .ToArray();
            var duty = new StringBuilder("day,name,role,phone\n");
            var dutyRows = new List<IReadOnlyList<string>>();
            foreach (var d in days)
            {
                var (name, role) = _rng.Pick(people);
                duty.Append($"{d},{name},{role},{unit.Office}\n");
                dutyRows.Add([d, name, role, unit.Office]);
            }

            output.Write($"units/{unit.Id}/duty.csv", duty.ToString());
            var year = options.End.Year;
            var commitments = _text.Commitments(year);
            output.Write($"units/{unit.Id}/commitments.md", $"---\nyear: {year}\n---\n" + commitments);
            _hugoUnit.Append("## 联系卡\n\n").Append(HugoSite.Table(["职务", "姓名", "电话"], [[unit.LeaderTitle + "(包村领导)", unit.Leader, unit.LeaderPhone], .. people.Select(p => (IReadOnlyList<string>)[p.Item2, p.Item1, unit.Office])]))
                .Append("\n## 值班安排\n\n").Append(HugoSite.Table(["日期", "姓名", "职务", "电话"], dutyRows))
                .Append('\n').Append(commitments.Replace("# ", "## ", StringComparison.Ordinal));
        }

        /// <summary>The unit's 民情台账, from its own random stream (so the disclosures stay as they were without it).</summary>
        private void WriteRequests()
        {
            var rows = CorpusRequests.Make(new Random(unit.Seed ^ 0x16), unit, options.Start, options.End, rules.Requests);
            Requests = rows.Count;
            output.Write($"units/{unit.Id}/requests.csv", CorpusRequests.Csv(rows));
            if (hugo is null)
            {
                return;
            }

            // The same pages for Hugo: the list, and a page per told result.
            hugo.Write($"content/{unit.Id}/requests/_index.md", HugoSite.FrontMatter($"{unit.Name}民情台账", null, []) + HugoSite.Table(
                ["编号", "受理日期", "反映人", "事项", "类别", "经办人", "办结时限", "状态", "办结日期", "办理结果", "回访"],
                rows.Select(r => (IReadOnlyList<string>)[r.Number, Iso(r.Received), r.Requester, r.Subject, r.Category, r.Handler, Iso(r.Due), r.Status, r.Closed is { } c ? Iso(c) : string.Empty, r.Result, r.FollowUp])));
            foreach (var r in rows.Where(r => r.Closed is not null && r.Result.Length > 0))
            {
                hugo.Write($"content/{unit.Id}/requests/{r.Number}.md", HugoSite.FrontMatter($"{unit.Name}民情台账第 {r.Number} 号", r.Closed, [("requester", r.Requester)]) +
                    $"{r.Subject}({r.Category})。{Iso(r.Received)}受理,办结时限 {Iso(r.Due)}。\n\n{r.Status}:{r.Result}({Iso(r.Closed!.Value)})。\n");
            }
        }

        private void WritePeriod(Period period)
        {
            var items = rules.ItemsFor(unit.Level).Where(i => i.IsRequiredIn(period)).ToList();
            var periodDir = $"disclosures/{unit.Id}/{period}";
            var missing = new List<string>();
            var written = 0;
            foreach (var item in items)
            {
                var roll = _rng.NextDouble();
                if (roll < 0.02)
                {
                    Missing++;
                    missing.Add(item.Name);
                    continue;
                }

                var deadline = item.Due.DeadlineFor(period);
                var late = roll < 0.08;
                var published = late
                    ? deadline.AddDays(_rng.Next(1, 36))
                    : _rng.DayIn(Max(period.End.AddDays(1), deadline.AddDays(-18)), deadline);
                Late += late ? 1 : 0;
                var nil = NilReasons.TryGetValue(item.Id, out var reason) && _rng.Chance(0.15) ? reason : null;
                Nil += nil is null ? 0 : 1;
                WriteItem(item, period, periodDir, Slug(item.Id), published, nil, late);
                written++;
                if (item.Id == "village.public-works" && nil is null && _rng.Chance(0.05))
                {
                    // A second project in the same period: any one disclosure of the item counts for the schedule.
                    WriteItem(item, period, periodDir, Slug(item.Id) + "-2", published, null, late);
                    written++;
                }
            }

            Disclosures += written;
            if (hugo is not null)
            {
                var body = new StringBuilder($"{unit.Name}{period.ToChinese()}应公开{items.Count}项,已公开{items.Count - missing.Count}项。\n");
                if (missing.Count > 0)
                {
                    body.Append("\n**缺报:**").AppendJoin("、", missing).Append('\n');
                }

                hugo.Write($"content/{unit.Id}/{period}/_index.md", HugoSite.FrontMatter($"{unit.Name} {period.ToChinese()}", null, [("period", period.ToString())]) + body);
            }
        }

        private void WriteItem(CatalogueItem item, Period period, string dir, string slug, DateOnly published, string? nil, bool late)
        {
            var title = item.TitleIn(period);
            var fm = new StringBuilder(400);
            fm.Append("---\nitem: ").Append(item.Id).Append("\ntitle: ").Append(title)
              .Append("\npublished: ").Append(Iso(published)).Append('\n');
            if (nil is not null)
            {
                fm.Append("nil: ").Append(nil).Append('\n');
            }

            CorpusLedger? ledger = null;
            string? tableCsv = null;
            string? tableMd = null;
            string? tableFile = null;
            var rosterRows = 0;
            var rosterTotal = 0m;
            var schema = item.TableSchema;
            if (nil is null && schema == TableSchema.Ledger)
            {
                var opening = _balances.TryGetValue(item.Id, out var b) ? b : LedgerMaker.FirstOpening(_rng, item.Id);
                ledger = LedgerMaker.Make(_rng, item.Id, period, opening, unit);
                _balances[item.Id] = ledger.Closing;
                fm.Append("opening_balance: ").Append(CorpusLedger.Plain(ledger.Opening))
                  .Append("\nclosing_balance: ").Append(CorpusLedger.Plain(ledger.Closing)).Append('\n');
                tableFile = slug + "-ledger.csv";
                tableCsv = ledger.ToCsv(amountWords: item.Id == "village.construction-funds");
                tableMd = ledger.ToMarkdown();
            }
            else if (nil is null && schema == TableSchema.Roster)
            {
                var roster = RosterMaker.Make(_rng, item.Id);
                rosterRows = roster.Rows.Count;
                rosterTotal = roster.Total;
                tableFile = slug + "-roster.csv";
                tableCsv = roster.ToCsv();
                tableMd = HugoSite.Table(roster.Header, roster.Rows);
            }
            else if (nil is null && item.Id == "gov.procurement")
            {
                schema = TableSchema.Generic;
                var roster = RosterMaker.Procurement(_rng, unit, period);
                tableFile = slug + "-projects.csv";
                tableCsv = roster.ToCsv();
                tableMd = HugoSite.Table(roster.Header, roster.Rows);
            }

            // The caption is the name of the sheet `disclosure new` would make (收支明细, 名单).
            var caption = schema?.Template?.SheetName ?? "项目清单";
            if (tableFile is not null)
            {
                fm.Append("tables:\n  - file: ").Append(tableFile).Append("\n    schema: ").Append(schema!.Name).Append("\n    caption: ").Append(caption).Append('\n');
            }

            fm.Append("---\n");
            var body = _text.Body(item, period, new BodyFacts(ledger, rosterRows, rosterTotal, nil));
            output.Write($"{dir}/{slug}.md", fm + body);
            if (tableFile is not null)
            {
                output.Write($"{dir}/{tableFile}", tableCsv!);
            }

            if (hugo is not null)
            {
                var status = nil is not null ? "无此事项" : late ? "迟报" : "按时";
                var fields = new List<(string, string)> { ("unit", unit.Name), ("period", period.ToChinese()), ("item", item.Id), ("status", status) };
                if (nil is not null)
                {
                    fields.Add(("nil", nil));
                }

                var page = HugoSite.FrontMatter(title, published, fields) + body + (tableMd is null ? string.Empty : $"\n**{caption}**\n\n{tableMd}");
                hugo.Write($"content/{unit.Id}/{period}/{slug}.md", page);
            }
        }

        private void WriteDecisions()
        {
            for (var year = options.Start.Year; year <= options.End.Year; year++)
            {
                if (!_rng.Chance(0.4))
                {
                    continue;
                }

                var (slug, title, item) = _rng.Pick(DecisionBank);
                var last = options.End.End.AddDays(-60);
                var proposal = _rng.DayIn(new DateOnly(year, 1, 10), new DateOnly(year, 9, 30));
                if (proposal > last)
                {
                    continue;
                }

                var consultation = proposal.AddDays(_rng.Next(2, 7));
                var review = consultation.AddDays(_rng.Next(2, 8));
                var resolution = review.AddDays(_rng.Next(2, 8));
                var published = resolution.AddDays(_rng.Next(1, 7));
                var result = published.AddDays(_rng.Next(60, 200));
                var done = result <= options.End.End;
                int present = _rng.Next(30, 60), against = _rng.Next(0, 3), abstain = _rng.Next(0, 3);
                int reps = _rng.Next(35, 70), repsAgainst = _rng.Next(0, 4), repsAbstain = _rng.Next(0, 3);
                var money = Amount.Format(_rng.Money(50000, 600000, 100, false));
                var sb = new StringBuilder();
                sb.Append($"title: {title}\nitem: {item}\nsteps:\n");
                sb.Append($"  proposal: {Iso(proposal)}\n  consultation: {Iso(consultation)}\n");
                sb.Append($"  review: {{ date: {Iso(review)}, minutes: \"党员大会同意提交村民代表会议表决\", votes: {{ present: {present}, for: {present - against - abstain}, against: {against}, abstain: {abstain} }} }}\n");
                sb.Append($"  resolution: {{ date: {Iso(resolution)}, minutes: \"村民代表会议表决通过{title}方案\", votes: {{ present: {reps}, for: {reps - repsAgainst - repsAbstain}, against: {repsAgainst}, abstain: {repsAbstain} }} }}\n");
                sb.Append($"  resolution_published: {Iso(published)}\n");
                if (done)
                {
                    sb.Append($"  result_published: {Iso(result)}\nstatus: done\nresult: {title}已完成并通过验收,实际支出 {money} 元。\n");
                }
                else
                {
                    sb.Append("status: in-progress\n");
                }

                output.Write($"decisions/{unit.Id}/{slug}-{year}.yaml", sb.ToString());
                Decisions++;
            }
        }

        /// <summary>File names as clerks write them: <c>finance</c> for <c>village.finance</c>, <c>party-dues</c> for <c>party.dues</c>.</summary>
        private static string Slug(string itemId) =>
            itemId.StartsWith("party.", StringComparison.Ordinal) ? itemId.Replace('.', '-') : itemId[(itemId.IndexOf('.', StringComparison.Ordinal) + 1)..];

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
