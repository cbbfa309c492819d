using System.Globalization;
using System.Text;
using DisclosureSite.Model;

namespace DisclosureSite.Corpus;

/// <summary>What an item's body can say about its table.</summary>
internal sealed record BodyFacts(CorpusLedger? Ledger = null, int RosterRows = 0, decimal RosterTotal = 0m, string? Nil = null);

/// <summary>
/// Composes disclosure bodies of about 400 Chinese characters from phrase banks: an opening, the item's own
/// facts, the review it went through, remarks and a closing with the office phone and the hotline.
/// </summary>
internal sealed class CorpusText(Random rng, CorpusUnit unit, string township, string hotline)
{
    private const int TargetChars = 400;

    private static readonly string[] Openings =
    [
        "根据三务公开有关规定,现将{U}{P}{item}公开如下,接受广大{F}监督。",
        "按照“应公开尽公开”的要求,{U}将{P}{item}予以公开。",
        "{P}{item}已经{U}“两委”联席会议研究审定,现予公开。",
        "为保障{F}的知情权、参与权和监督权,现将{P}{item}张榜公布。",
        "{U}{P}{item}如下,请广大{F}审阅并提出意见建议。",
    ];

    private static readonly string[] TownshipOpenings =
    [
        "根据政务公开有关规定,现将{T}{P}{item}公开如下。",
        "{T}党委、政府高度重视公开工作,现将{P}{item}予以公布,接受社会监督。",
        "经镇党政联席会议审定,{P}{item}公开如下。",
    ];

    private static readonly Dictionary<string, string[]> ItemFacts = new(StringComparer.Ordinal)
    {
        ["party.decisions"] =
        [
            "本半年度支部共研究涉及群众切身利益的重大事项{n}件,均按“四议两公开”程序办理,会议记录完整。",
            "其中{proj}事项经党员大会审议通过,{d}提交村民代表会议表决,赞成票超过应到人数的三分之二。",
            "{ind}产业扶持资金分配方案在支部委员会上逐项讨论,听取了老党员和村民代表的意见。",
        ],
        ["party.plan"] =
        [
            "上一年度支部完成了“三会一课”全年计划,发展{ind}产业,村集体经营性收入达到{m}元。",
            "本年度重点做好四件事:一是落实党员积分制管理;二是推进{proj};三是开展{ind}技术培训不少于{n}期;四是坚持村干部轮流值班。",
            "支部将结合“主题党日”活动,每季度通报计划执行进度,年底接受党员和群众代表评议。",
        ],
        ["party.review"] =
        [
            "上一年度支部共有党员{n2}名参加民主评议,评定为优秀的{n}名,合格的其余党员全部通过。",
            "评议采取个人自评、党员互评、群众测评相结合的方式,{d}召开了专题组织生活会。",
            "对评议中群众提出的意见,支部逐条梳理形成整改清单,明确责任人和完成时限。",
        ],
        ["party.dues"] =
        [
            "本半年度支部按照党费收缴标准按月收缴党费,各党小组均已足额缴纳,并按时上缴镇党委。",
            "党费收缴情况已在支部党员大会上通报,党员可到村部查阅党费收缴登记簿。",
        ],
        ["party.members"] =
        [
            "本半年度支部确定入党积极分子{n}名,发展对象已按程序进行公示,公示期内未收到反映。",
            "{d},支部召开党员大会,对一名预备党员转正事项进行讨论表决,同意按期转为正式党员。",
            "本半年度未发生党员受处分情况,评选表彰优秀共产党员{n}名。",
        ],
        ["party.aid-fund"] =
        [
            "党员帮扶基金实行专户管理、专款专用,每一笔支出都经支委会研究并由受助党员签字确认。",
            "本半年度基金主要用于慰问生病党员和困难老党员,发放标准按照镇党委有关规定执行。",
        ],
        ["party.hardship"] =
        [
            "本半年度支部走访困难党员{n}户,帮助解决实际困难{n2}件,发放慰问金和慰问品。",
            "帮扶对象经党小组推荐、支委会研究确定,名单已在党务公开栏公示七天。",
        ],
        ["village.finance"] =
        [
            "单笔5000元以上的支出均经村“两委”联席会议研究,并由村务监督委员会事前审核。",
            "本季度未发生招待费支出,无新增村级债务,各项支出均在年初财务计划范围内。",
        ],
        ["village.assets"] =
        [
            "截至本季度末,村集体{asset}等经营性资产运行正常,承包合同均已在镇农经站备案。",
            "本季度收益分配方案经村民代表会议通过,分配到户的金额已在公开栏同步公示。",
        ],
        ["village.public-works"] =
        [
            "本季度{proj}按计划推进,{d}完成了阶段性验收,工程质量符合设计要求。",
            "项目由村民理财小组全程参与监督,施工过程中共召开现场协调会{n}次,解决群众反映的问题{n2}个。",
            "工程完工后将聘请第三方进行审计,审计结果另行公开。",
        ],
        ["village.contracts"] =
        [
            "本季度{asset}承包经营权通过镇农村产权交易平台公开竞价,共有{n}家经营主体报名。",
            "承包合同期限{n2}年,年承包费{m}元,合同文本经村务监督委员会审核后签订。",
        ],
        ["village.land"] =
        [
            "本季度办理土地流转{n}宗,流转面积{n2}亩,主要用于{ind}规模种植,流转合同均已备案。",
            "宅基地审批严格执行“一户一宅”规定,申请材料经村民小组评议、村委会审查后报镇政府审批。",
        ],
        ["village.construction-funds"] =
        [
            "新农村建设资金实行报账制管理,所有支出凭证经镇财政所审核后入账。",
            "资金主要用于{proj},工程款按进度拨付,质保金在验收合格满一年后支付。",
        ],
        ["village.subsidies"] =
        [
            "本季度各项惠农补贴均通过“一卡通”直接发放到户,村里不经手现金。",
            "补贴对象和标准经村民小组核实、村委会审核,名单在公开栏公示七天无异议后上报。",
        ],
        ["village.welfare"] =
        [
            "救助对象经本人申请、村民代表评议、镇政府审核、县民政局审批,{d}完成了季度入户复核。",
            "对名单有异议的,请在公示之日起七日内向村委会或镇民政办反映。",
        ],
        ["community.plans"] =
        [
            "社区建设规划经居民代表会议讨论通过,重点推进老旧小区改造和{proj}。",
            "本季度社区召开居民议事会{n}次,收集意见建议{n2}条,已全部纳入工作台账。",
        ],
        ["community.work"] =
        [
            "本季度社区开展文体活动{n}场,组织志愿服务{n2}次,为辖区老人提供上门服务。",
            "网格员每日巡查责任网格,本季度化解矛盾纠纷{n}起,办结居民诉求{n2}件。",
        ],
        ["community.finance"] =
        [
            "社区财务实行“居财街管”,每一笔支出经社区“两委”集体研究,并由居务监督委员会审核。",
            "本季度社区经费主要用于居民公共服务和社区活动,无超范围支出。",
        ],
        ["community.major-issues"] =
        [
            "本季度居民反映较集中的{proj}问题,经社区协调相关部门,已于{d}办结。",
            "社区对办理结果进行了回访,居民满意率达到{pct}%。",
        ],
        ["party.performance"] =
        [
            "本半年度镇党委召开党委会{n2}次,专题研究乡村振兴、基层治理等重点工作。",
            "全镇{ind}产业完成投资{m}元,新建农业产业化项目{n}个。",
        ],
        ["party.democratic-life"] =
        [
            "镇党委领导班子{d}召开民主生活会,班子成员开展了批评和自我批评。",
            "会上查摆问题{n2}条,已制定整改措施并明确完成时限,目前已完成整改{n}条。",
        ],
        ["party.integrity"] =
        [
            "镇党委严格落实党风廉政建设主体责任,本半年度开展廉政谈话{n2}人次。",
            "镇纪委对各村“三资”管理开展专项检查,发现问题{n}个,均已督促整改到位。",
        ],
        ["party.members-dues"] =
        [
            "本半年度全镇发展党员{n}名,均按“五个阶段二十五个步骤”程序办理,并经公示无异议。",
            "全镇党费收缴及时足额,党费使用严格执行上级有关规定。",
        ],
        ["party.cadres"] =
        [
            "本半年度全镇村干部考核已完成,考核结果作为绩效报酬发放的依据。",
            "乡村干部调整任免{n}人次,均经党委会集体研究,并按规定进行任前公示。",
        ],
        ["gov.leaders"] =
        [
            "镇领导班子成员姓名、职务和分工已在镇便民服务中心公开栏张贴,如有调整将及时更新。",
            "本季度班子成员分工未作调整,各挂村领导按照包村制度每周到村不少于{n}天。",
        ],
        ["gov.plans-budget"] =
        [
            "本季度全镇重点工作有序推进,财政预算执行进度为{pct}%,与序时进度基本一致。",
            "年度工作目标中的{proj}已完成投资{m}元。",
        ],
        ["gov.finance"] =
        [
            "镇财政和机关内部财务收支严格按照预算执行,“三公”经费支出较上年同期下降。",
            "各项支出均经镇党政联席会议研究,并按规定履行审批程序。",
        ],
        ["gov.procurement"] =
        [
            "本季度政府采购和工程项目共{n}项,均通过县公共资源交易平台公开招标或询价。",
            "中标结果已在平台公示,公示期内未收到质疑和投诉。",
        ],
        ["gov.enterprises"] =
        [
            "本季度镇属经济实体承包、租赁事项{n}项,均经资产评估并公开竞价。",
            "租赁收入统一缴入镇财政专户,纳入预算管理。",
        ],
        ["gov.land"] =
        [
            "本季度办理土地征收{n}宗,补偿标准按照县政府公布的统一年产值标准执行,补偿款已足额发放到户。",
            "本季度全镇共审批宅基地{n2}宗,征兵工作按计划完成。",
        ],
        ["gov.welfare"] =
        [
            "本季度全镇发放低保金、特困供养金和临时救助金合计{m}元,均通过银行直接发放到户。",
            "新农合参保率保持在{pct}%以上,医疗救助按规定及时办理。",
        ],
        ["gov.projects"] =
        [
            "本年度为民办实事项目共{n2}项,本季度完成{n}项,其中{proj}已投入使用。",
            "项目实施情况接受人大代表和群众监督,完成情况将在年底统一评议。",
        ],
        ["gov.personnel"] =
        [
            "本季度镇机关人事任免{n}人次,均按干部管理权限和程序办理。",
            "年度考核、奖惩和工资调整严格执行上级政策规定。",
        ],
        ["gov.fees"] =
        [
            "执收执罚部门的收费罚款项目、标准和依据已在便民服务中心公示,未设立自定收费项目。",
            "本季度收缴的罚没收入全部缴入国库,实行“收支两条线”管理。",
        ],
    };

    private static readonly string[] VillageRemarks =
    [
        "本次公开内容已于{d}经{S}“两委”联席会议审定,并同步张贴于{S}务公开栏。",
        "包村领导{lead}和驻{S}干部{res}对公开内容进行了审核把关。",
        "外出务工的{F}可通过本网站查看,往期公开内容按季度归档备查。",
        "{F}如需查阅相关原始凭证或会议记录,可在工作日到{S}部登记后查阅。",
        "村务监督委员会对本次公开的内容逐项进行了核对,确认与原始记录一致。",
        "公开栏设在{S}部门口和{S}民活动广场两处,方便{F}就近查看。",
        "对公开内容有疑问的,{S}“两委”将在收到意见后五个工作日内作出答复。",
        "本次公开同时通过{S}民微信群发布,行动不便的老人可请网格员上门讲解。",
        "上一期公开后{F}提出的{n}条意见建议,已全部办理并在本期一并答复。",
        "{S}里将继续坚持“每季一公开”,做到内容真实、程序规范、时间及时。",
    ];

    private static readonly string[] PartyRemarks =
    [
        "支部将按照“三会一课”制度,在下次党员大会上通报有关事项的落实情况。",
        "本公开经支部委员会研究同意,并报镇党委组织办备案。",
        "流动党员可通过本网站和党员微信群了解支部工作情况。",
    ];

    private static readonly string[] TownshipRemarks =
    [
        "本次公开内容已经镇党政联席会议审定,同时在镇便民服务中心公开栏同步发布。",
        "各村(社区)群众的意见建议可通过包村领导和驻村干部转达,镇党政办负责汇总,并在下次公开时一并答复。",
        "往期公开内容可在本网站按季度查阅,纸质档案存放于镇党政办,群众可在工作日申请查阅。",
        "镇纪委对本次公开内容的真实性、完整性进行了监督检查,未发现应公开未公开的事项。",
        "涉及群众切身利益的事项,镇政府在决策前均通过座谈会、公示等方式听取了群众意见。",
        "对公开内容有异议的,可在公开之日起十日内向镇党政办书面反映。",
    ];

    private static readonly string[] Closings =
    [
        "如对以上内容有疑问,可在工作日到{S}便民服务室咨询,或拨打{S}部电话{tel};也可拨打镇监督投诉电话{hot}反映。",
        "本公开经村务监督委员会主任{sup}审核签字。公开之日起十日内,群众可向监委会提出意见,监委会将在五个工作日内答复。",
        "{S}“两委”欢迎群众监督,值班电话{tel};对答复不满意的,可拨打镇监督投诉电话{hot}。",
    ];

    private static readonly string[] TownshipClosings =
    [
        "如对以上内容有疑问,可在工作日到镇便民服务中心咨询,或拨打监督投诉电话{hot}。",
        "欢迎群众监督。意见建议可投入镇政府大院意见箱,或拨打监督投诉电话{hot}反映。",
    ];

    /// <summary>The body of one disclosure; its facts (ledger totals, roster size, nil reason) come first.</summary>
    public string Body(CatalogueItem item, Period period, BodyFacts facts)
    {
        var town = unit.Level == UnitLevel.Township;
        var paras = new List<string>(10) { Fill(rng.Pick(town ? TownshipOpenings : Openings), item, period) };
        if (facts.Nil is { } nil)
        {
            paras.Add($"经核实,{nil}。如有相关情况,将在下一期公开中一并说明。");
        }
        else
        {
            if (facts.Ledger is { } l)
            {
                var (inc, exp) = l.Highlights();
                paras.Add($"本期期初结余{Amount.Format(l.Opening)}元,收入合计{Amount.Format(l.Income)}元,支出合计{Amount.Format(l.Expense)}元,期末结余{Amount.Format(l.Closing)}元。收入主要是{inc};支出较大的有{exp}。");
            }

            if (facts.RosterRows > 0)
            {
                paras.Add($"本期共涉及{facts.RosterRows}户,发放金额合计{Amount.Format(facts.RosterTotal)}元,名单中的姓名和身份证号已按规定作遮挡处理。");
            }

            if (ItemFacts.TryGetValue(item.Id, out var facts2))
            {
                paras.AddRange(facts2.Select(f => Fill(f, item, period)));
            }
        }

        var pool = (town ? TownshipRemarks : item.Id.StartsWith("party.", StringComparison.Ordinal) ? [.. PartyRemarks, .. VillageRemarks] : VillageRemarks).ToArray();
        rng.Shuffle(pool);
        var closing = Fill(rng.Pick(town ? TownshipClosings : Closings), item, period);
        var length = CjkLength(paras) + CjkLength([closing]);
        foreach (var remark in pool)
        {
            if (length >= TargetChars)
            {
                break;
            }

            var text = Fill(remark, item, period);
            paras.Add(text);
            length += CjkLength([text]);
        }

        paras.Add(closing);
        if (facts.Ledger is not null)
        {
            paras.Add("收支明细见下表。");
        }
        else if (facts.RosterRows > 0)
        {
            paras.Add("名单见下表。");
        }

        return string.Join("\n\n", paras) + "\n";
    }

    /// <summary>Commitments (岗位承诺) for a village or community.</summary>
    public string Commitments(int year)
    {
        var sb = new StringBuilder();
        sb.Append($"# {unit.Name}“两委”干部{year}年岗位承诺\n\n");
        sb.Append($"按照“提出承诺、公开亮诺、督促践诺、综合评诺”的要求,{unit.Name}“两委”干部向全体{unit.Folk}作出如下承诺:\n\n");
        string[] lines =
        [
            $"工作方面:{year}年{unit.Short}集体经营性收入比上年增长{rng.Next(5, 15)}%,{rng.Pick(unit.Projects)}年内完工。",
            "工作方面:“三务”公开每季度按时更新,党务每半年公开一次,做到不缺报、不迟报。",
            $"服务方面:干部每天至少一人在{unit.Short}部坐班,确保“人常在、门常开”,群众来办事有人接待。",
            "服务方面:每名干部结对帮扶困难群众不少于1户,每月至少走访1次。",
            "服务方面:为群众代办社保、医保、低保申请等事项,受理后5个工作日内给予答复。",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(i + 1).Append(". ").Append(lines[i]).Append('\n');
        }

        sb.Append($"\n承诺人:党支部书记 {unit.Secretary},{(unit.Level == UnitLevel.Community ? "居委会主任" : "村委会主任")} {unit.Director}。欢迎群众监督,年底由党员和群众代表对承诺兑现情况进行评议。\n");
        return sb.ToString();
    }

    private string Fill(string template, CatalogueItem item, Period period)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length + 40);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            sb.Append(Value(template[(open + 1)..close], item, period));
            i = close + 1;
        }

        return sb.ToString();
    }

    private string Value(string key, CatalogueItem item, Period period) => key switch
    {
        "U" => unit.Name,
        "T" => township,
        "P" => period.ToChinese(),
        "S" => unit.Short,
        "F" => unit.Folk,
        "item" => item.Name,
        "n" => rng.Next(2, 9).ToString(CultureInfo.InvariantCulture),
        "n2" => rng.Next(10, 60).ToString(CultureInfo.InvariantCulture),
        "pct" => rng.Next(86, 99).ToString(CultureInfo.InvariantCulture),
        "m" => Amount.Format(rng.Money(20000, 900000, 100, false)),
        "d" => ChineseDate(rng.DayIn(period.Start, period.End)),
        "ind" => unit.Industry,
        "asset" => rng.Pick(unit.Assets),
        "proj" => rng.Pick(unit.Projects),
        "sec" => unit.Secretary,
        "sup" => unit.Supervisor,
        "lead" => unit.Leader,
        "res" => unit.Residents.Count > 0 ? unit.Residents[0] : unit.Leader,
        "tel" => unit.Office,
        "hot" => hotline,
        _ => throw new InvalidOperationException("unknown placeholder {" + key + "}"),
    };

    public static string ChineseDate(DateOnly d) => $"{d.Month}月{d.Day}日";

    private static int CjkLength(IEnumerable<string> parts)
    {
        var n = 0;
        foreach (var p in parts)
        {
            foreach (var c in p)
            {
                if (c is >= '\u4e00' and <= '\u9fff')
                {
                    n++;
                }
            }
        }

        return n;
    }
}
