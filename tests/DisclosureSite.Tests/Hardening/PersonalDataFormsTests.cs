using DisclosureSite.Model.PersonalData;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12, class 4: personal data in the forms people really type, in every place that is published, and never
/// repeated in any message. All numbers are fictional (sample area code 350425, computed check characters).
/// </summary>
public class PersonalDataFormsTests
{
    [TestCase("身份证 350425 19900101 1239", PersonalDataKind.IdNumber, "350425********1239")]
    [TestCase("身份证 350425-19900101-1239", PersonalDataKind.IdNumber, "350425********1239")]
    [TestCase("身份证 3504 2519 9001 0112 39", PersonalDataKind.IdNumber, "350425********1239")]
    [TestCase("手机 138.1234.5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 1381-234-5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 13 81 23 45 678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138 - 1234 - 5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138\u200B1234\u200B5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138\u00A01234\u00A05678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138\u202F1234\u20605678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138**1234**5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138_1234_5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("手机 138\\-1234\\-5678", PersonalDataKind.Mobile, "138****5678")]
    [TestCase("身份证 3.5042519900101E+17", PersonalDataKind.IdNumber, "350425********0000")]
    [TestCase("3.501021990030712E+17", PersonalDataKind.IdNumber, "350102********1200")]
    [TestCase("6.222021234567894E+15", PersonalDataKind.BankCard, "6222 **** **** 7894")]
    public void Numbers_typed_in_other_groupings_or_mangled_by_Excel_are_found(string text, PersonalDataKind kind, string masked)
    {
        var found = PersonalDataScanner.Scan(text);
        Assert.That(found, Has.Count.EqualTo(1), string.Join(", ", found));
        Assert.That(found[0].Kind, Is.EqualTo(kind));
        Assert.That(found[0].Masked, Is.EqualTo(masked));
    }

    [TestCase("公示期 2026.10.15-2026.10.22")]
    [TestCase("收入 1234.50 2345.60 3456.70")]
    [TestCase("1.5E+3")]
    [TestCase("第 1 2 3 组")]
    [TestCase("0591-2345-678")]
    [TestCase("138****5678")]
    [TestCase("350425********1239")]
    public void Grouped_look_alikes_are_not_flagged(string text) => Assert.That(PersonalDataScanner.Scan(text), Is.Empty);

    [Test]
    public void Redacting_a_message_masks_the_number_and_keeps_the_rest()
    {
        Assert.That(PersonalDataScanner.Redact("金额“138 1234 5678”读不懂"), Is.EqualTo("金额“138****5678”读不懂"));
        Assert.That(PersonalDataScanner.Redact("没有个人信息"), Is.EqualTo("没有个人信息"));
        Assert.That(PersonalDataScanner.Redact("单位“南山村13512345678”2026年第三季度"), Is.EqualTo("单位“南山村135****5678”2026年第三季度"), "a number glued to other text");
        Assert.That(PersonalDataScanner.Redact("南山村135123456782026年"), Is.EqualTo("南山村135********2026年"), "a number glued to other digits: the whole run is masked");
        Assert.That(PersonalDataScanner.Redact("合计 1,234,567.89 元，2026-11-24"), Is.EqualTo("合计 1,234,567.89 元，2026-11-24"), "amounts and dates are kept");
    }

    [TestCase("没有个人信息")]
    [TestCase("合计 1,234,567.89 元，2026-11-24")]
    [TestCase("全角的数字１２３和空格　都在")]
    public void A_message_with_nothing_to_mask_is_given_back_as_it_is(string text) =>
        Assert.That(PersonalDataScanner.Redact(text), Is.SameAs(text), "not a copy: a build redacts every finding's message");

    [TestCase("手机１３８１２３４５６７８", "手机１３８１２３４５６７８", "138****5678")]
    [TestCase("电话　138 1234 5678　请回电", "138 1234 5678", "138****5678")]
    public void Full_width_and_spaced_numbers_are_found_at_their_place_in_the_text(string text, string found, string masked)
    {
        var match = PersonalDataScanner.Scan(text).Single();
        Assert.That(match.Masked, Is.EqualTo(masked));
        Assert.That(text.Substring(match.Index, match.Length), Does.EndWith(found[^4..]));
    }

    [Test]
    public void Personal_data_is_found_where_it_is_published_and_no_message_repeats_it()
    {
        using var a = new Attack();
        var dir = "input/disclosures/dongshan/2026-Q3/";

        // Front matter with a YAML escape: the page shows 13812345678.
        a.WriteDisclosure("finance", "title: \"联系\\u0031\\u0033\\u0038\\u0031\\u0032\\u0033\\u0034\\u0035\\u0036\\u0037\\u0038\"\n", "正文里有 &#49;38&#49;2345678 和 138**1234**5678。\n");

        // A table header, a bad amount quoting a mobile, and an ID typed into Excel as a number.
        a.Write(dir + "ledger.csv", "日期,摘要,收入,支出,13912345678\n2026-07-01,租金,13712345678,,\n2026-07-02,补贴,3.5042519900101E+17,,\n");
        a.WriteDisclosure("assets", "tables:\n  - file: ledger.csv\n    schema: ledger\n", item: "village.assets");

        // A file name (it becomes the URL) and units.csv / site.yaml.
        a.WriteDisclosure("13612345678", string.Empty, item: "village.land");
        File.AppendAllText(a.Path("input/units.csv"), "\nnanshan,南山村（13512345678）,village,town,,\n");
        File.WriteAllText(a.Path("input/site.yaml"), File.ReadAllText(a.Path("input/site.yaml")).Replace("hotline: 0591-1234567", "hotline: 135 1234 5679", StringComparison.Ordinal));

        var run = a.Check("--lang", "zh");
        var findings = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString()!, File: f.GetProperty("file").GetString(), Message: f.GetProperty("message").GetString()!))
            .ToList();
        var all = string.Join("\n", findings.Select(f => $"{f.Code} {f.File} {f.Message}"));
        var rel = "disclosures/dongshan/2026-Q3/";
        foreach (var (file, code, atLeast) in new[]
        {
            (rel + "finance.md", "privacy.mobile", 3),
            (rel + "ledger.csv", "privacy.mobile", 2),
            (rel + "ledger.csv", "privacy.id-number", 1),
            (rel + "13612345678.md", "privacy.mobile", 1),
            ("units.csv", "privacy.mobile", 1),
            ("site.yaml", "privacy.mobile", 1),
        })
        {
            Assert.That(findings.Count(f => f.Code == code && f.File == file), Is.GreaterThanOrEqualTo(atLeast), $"{code} in {file}\n{all}");
        }

        // Messages (not the file names that locate them) never repeat a number.
        var messages = string.Join("\n", findings.Select(f => f.Message));
        foreach (var raw in new[] { "13812345678", "13912345678", "13712345678", "13612345678", "13512345678", "135 1234 5679", "3.5042519900101E+17" })
        {
            Assert.That(messages, Does.Not.Contain(raw), "a message repeats " + raw);
        }
    }
}
