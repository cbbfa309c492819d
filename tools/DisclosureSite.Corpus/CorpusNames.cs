namespace DisclosureSite.Corpus;

/// <summary>Fictional place and person names for a generated county: two-syllable village names with their pinyin ids.</summary>
internal static class CorpusNames
{
    private static readonly (string Han, string Pinyin)[] First =
    [
        ("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"), ("上", "shang"), ("下", "xia"), ("前", "qian"), ("后", "hou"),
        ("大", "da"), ("小", "xiao"), ("高", "gao"), ("新", "xin"), ("老", "lao"), ("中", "zhong"), ("长", "chang"), ("石", "shi"),
        ("云", "yun"), ("青", "qing"), ("白", "bai"), ("黄", "huang"), ("红", "hong"), ("金", "jin"), ("龙", "long"), ("凤", "feng"),
        ("桃", "tao"), ("梅", "mei"), ("松", "song"), ("竹", "zhu"), ("柳", "liu"), ("杨", "yang"),
    ];

    private static readonly (string Han, string Pinyin)[] Second =
    [
        ("山", "shan"), ("坑", "keng"), ("坪", "ping"), ("洋", "yang"), ("溪", "xi"), ("岭", "ling"), ("坂", "ban"), ("湖", "hu"),
        ("塘", "tang"), ("田", "tian"), ("头", "tou"), ("厝", "cuo"), ("林", "lin"), ("峰", "feng"), ("源", "yuan"), ("岩", "yan"),
        ("桥", "qiao"), ("庄", "zhuang"), ("湾", "wan"), ("埔", "pu"), ("洲", "zhou"), ("垄", "long"), ("兜", "dou"), ("墩", "dun"),
        ("河", "he"), ("沙", "sha"), ("口", "kou"), ("尾", "wei"), ("寨", "zhai"), ("楼", "lou"),
    ];

    private static readonly string[] Numerals = ["", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static readonly string[] Surnames =
        [.. "林陈黄郑吴刘王张李杨何罗叶周蔡余江魏游邱苏潘谢詹卢翁萧".Select(c => c.ToString())];

    public static readonly string[] Given =
    [
        "建国", "建华", "文斌", "志强", "秀英", "丽华", "海涛", "明辉", "国庆", "玉兰", "春梅", "德昌", "永福", "金水",
        "秀琴", "清泉", "俊杰", "荣光", "淑珍", "宏伟", "瑞华", "小燕", "晓东", "伟民", "桂英", "爱华", "振兴", "锦标",
    ];

    /// <summary>Last characters of masked villager names (<c>张*明</c>).</summary>
    public static readonly string[] MaskLast = [.. "华明英芳强平军辉峰兰梅珍生福贵荣香琴勇杰".Select(c => c.ToString())];

    /// <summary>Distinct (id, stem) pairs in a seed-determined order, as many as asked: 东山 / dongshan, then 东山二 / dongshan2 ….</summary>
    public static IReadOnlyList<(string Id, string Stem)> Places(Random rng, int count)
    {
        var pool = new List<(string Id, string Stem)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in First)
        {
            foreach (var b in Second)
            {
                if (a.Han != b.Han && ids.Add(a.Pinyin + b.Pinyin))
                {
                    pool.Add((a.Pinyin + b.Pinyin, a.Han + b.Han));
                }
            }
        }

        var shuffled = pool.ToArray();
        rng.Shuffle(shuffled);
        var result = new List<(string, string)>(count);
        for (var round = 0; result.Count < count; round++)
        {
            if (round >= Numerals.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "too many places for the name bank");
            }

            foreach (var (id, stem) in shuffled)
            {
                if (result.Count == count)
                {
                    break;
                }

                result.Add(round == 0 ? (id, stem) : (id + (round + 1), stem + Numerals[round]));
            }
        }

        return result;
    }

    public static string Person(Random rng) => rng.Pick(Surnames) + rng.Pick(Given);

    public static string MaskedPerson(Random rng) => rng.Pick(Surnames) + "*" + rng.Pick(MaskLast);

    /// <summary>A masked 身份证号: the county's first six digits, eight stars, four random digits (SPEC §8).</summary>
    public static string MaskedId(Random rng) => "350123********" + rng.Next(0, 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
