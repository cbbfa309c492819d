using DisclosureSite.Model.PersonalData;

namespace DisclosureSite.Tests;

/// <summary>SPEC §8: 身份证号, 手机号, 银行卡号 and 详细住址 are found and a masked form is suggested; look-alikes are not flagged.</summary>
/// <remarks>All numbers here are fictional: IDs use the sample area codes 350425 and 110101 with computed check
/// characters; card numbers are made-up digits with a computed Luhn digit.</remarks>
[TestFixture]
public class PrivacyTests
{
    // ---- true cases: text, the matched value, the masked form -------------------------------------------------

    [TestCase("身份证号：350425199001011239", "350425199001011239", "350425********1239")]
    [TestCase("张三,350425199001011239,500", "350425199001011239", "350425********1239")]
    [TestCase("公民身份号码110101198006150020。", "110101198006150020", "110101********0020")]
    [TestCase("王五 110101199912310086 低保户", "110101199912310086", "110101********0086")]
    [TestCase("户主李四，身份证号码350425196812010332", "350425196812010332", "350425********0332")]
    [TestCase("350425197007070708", "350425197007070708", "350425********0708")]
    [TestCase("身份证：３５０４２５１９９００１０１１２３９（全角）", "３５０４２５１９９００１０１１２３９", "350425********1239")]
    [TestCase("\"赵六\",\"110101201001010074\",\"五保\"", "110101201001010074", "110101********0074")]
    public void Id_number_with_valid_checksum_is_found_and_masked(string text, string value, string masked) =>
        AssertSingle(text, PersonalDataKind.IdNumber, value, masked);

    [TestCase("身份证号35042519880805004X，户籍东山村", "35042519880805004X", "350425********004X")]
    [TestCase("35042519880813012x", "35042519880813012x", "350425********012X")]
    [TestCase("身份证号：３５０４２５１９８８０８０５００４Ｘ", "３５０４２５１９８８０８０５００４Ｘ", "350425********004X")]
    public void Id_number_with_X_check_character_is_found_and_masked_upper_case(string text, string value, string masked) =>
        AssertSingle(text, PersonalDataKind.IdNumber, value, masked);

    [TestCase("老身份证号350425900101123", "350425900101123", "350425*****1123")]
    [TestCase("孙七,110101750312001,2", "110101750312001", "110101*****2001")]
    public void Old_15_digit_id_number_is_found_and_masked(string text, string value, string masked) =>
        AssertSingle(text, PersonalDataKind.IdNumber, value, masked);

    [TestCase("联系电话13812345678", "13812345678", "138****5678")]
    [TestCase("电话：138 1234 5678。", "138 1234 5678", "138****5678")]
    [TestCase("手机138-1234-5678，工作日联系", "138-1234-5678", "138****5678")]
    [TestCase("+86 13812345678", "+86 13812345678", "138****5678")]
    [TestCase("家属电话+86-138-1234-5678", "+86-138-1234-5678", "138****5678")]
    [TestCase("8613912345678", "8613912345678", "139****5678")]
    [TestCase("0086 166 1234 5678", "0086 166 1234 5678", "166****5678")]
    [TestCase("李四,13912345678,低保", "13912345678", "139****5678")]
    [TestCase("１３８１２３４５６７８", "１３８１２３４５６７８", "138****5678")]
    [TestCase("手机：19912345678，请联系", "19912345678", "199****5678")]
    [TestCase("周八,15012345678,100", "15012345678", "150****5678")]
    [TestCase("周八,15012345678,300.00", "15012345678", "150****5678")]
    public void Mobile_number_is_found_and_masked(string text, string value, string masked) =>
        AssertSingle(text, PersonalDataKind.Mobile, value, masked);

    [TestCase("卡号6222021234567894", "6222021234567894", "6222 **** **** 7894")]
    [TestCase("补贴打入6228480012345678903（农行）", "6228480012345678903", "6228 **** **** 8903")]
    [TestCase("账号 6222 0212 3456 7894", "6222 0212 3456 7894", "6222 **** **** 7894")]
    [TestCase("6217-0012-3456-7890-122", "6217-0012-3456-7890-122", "6217 **** **** 0122")]
    [TestCase("社保卡6228 4800 1234 5678 903", "6228 4800 1234 5678 903", "6228 **** **** 8903")]
    [TestCase("开户行：农业银行，账号：43674212345678904", "43674212345678904", "4367 **** **** 8904")]
    [TestCase("王五,6225881234567898,300.00", "6225881234567898", "6225 **** **** 7898")]
    [TestCase("一卡通622202123456789012", "622202123456789012", "6222 **** **** 9012")]
    [TestCase("６２２２０２１２３４５６７８９４", "６２２２０２１２３４５６７８９４", "6222 **** **** 7894")]
    public void Luhn_valid_bank_card_is_found_and_masked(string text, string value, string masked) =>
        AssertSingle(text, PersonalDataKind.BankCard, value, masked);

    [TestCase("家住解放路12号", "解放路12号", "解放路**号")]
    [TestCase("人民街3号楼2单元501室", "人民街3号楼2单元501室", "人民街**号楼**单元**室")]
    [TestCase("住址：东山村三组12号", "东山村三组12号", "东山村三组**号")]
    [TestCase("青石镇东山村3组15号", "东山村3组15号", "东山村3组**号")]
    [TestCase("五队8号", "五队8号", "五队**号")]
    [TestCase("第三村民小组15号", "第三村民小组15号", "第三村民小组**号")]
    [TestCase("阳光小区3栋2单元501室", "阳光小区3栋2单元501室", "阳光小区**栋**单元**室")]
    [TestCase("现住3号楼2单元501室", "3号楼2单元501室", "**号楼**单元**室")]
    [TestCase("门牌号：18号", "门牌号：18号", "门牌号：**号")]
    [TestCase("长乐路123弄4号", "长乐路123弄4号", "长乐路**弄**号")]
    [TestCase("和平大道88号", "和平大道88号", "和平大道**号")]
    [TestCase("中山路12-3号", "中山路12-3号", "中山路**号")]
    [TestCase("家住青石镇东山村12号", "东山村12号", "东山村**号")]
    [TestCase("幸福新村5号", "幸福新村5号", "幸福新村**号")]
    [TestCase("人民路十二号", "人民路十二号", "人民路**号")]
    [TestCase("张三,解放路１２号,500", "解放路１２号", "解放路**号")]
    [TestCase("阳光小区３栋２单元５０１室", "阳光小区３栋２单元５０１室", "阳光小区**栋**单元**室")]
    public void Detailed_home_address_is_found_and_masked_keeping_the_place(string text, string value, string masked) =>
        AssertSingle(text, PersonalDataKind.Address, value, masked);

    // ---- false cases: nothing is flagged ---------------------------------------------------------------------

    [TestCase("186,400.00")]
    [TestCase("1234567.89")]
    [TestCase("12345678901.00")]
    [TestCase("13812345678.00")]
    [TestCase("1,381,234,567.00")]
    [TestCase("0.13812345678")]
    [TestCase("¥12,345,678.90")]
    [TestCase("10月15日支出1,380.00元")]
    public void Amounts_are_not_flagged(string text) => AssertNone(text);

    [TestCase("记-2026-0315")]
    [TestCase("PZ20261015001")]
    [TestCase("2026-10-15")]
    [TestCase("20261015")]
    [TestCase("2026年10月15日")]
    [TestCase("350100101001")]
    [TestCase("2026-10-15,购买办公用品,,186.40,记-2026-0315")]
    public void Vouchers_dates_and_division_codes_are_not_flagged(string text) => AssertNone(text);

    [TestCase("0591-2345678")]
    [TestCase("(0591)2345678")]
    [TestCase("0591 2345678")]
    [TestCase("010-12345678")]
    [TestCase("监督电话0000-1234567")]
    public void Office_phones_with_area_codes_are_not_flagged(string text) => AssertNone(text);

    [TestCase("12345678901381234567")]
    [TestCase("1234350425199001011239123")]
    [TestCase("6222 0212 3456 7894 1234")]
    [TestCase("13812345678901")]
    [TestCase("12 138 1234 5678")]
    public void Digit_runs_inside_longer_runs_are_not_flagged(string text) => AssertNone(text);

    [TestCase("350425********1239")]
    [TestCase("350425*****1123")]
    [TestCase("138****5678")]
    [TestCase("6222 **** **** 7894")]
    [TestCase("张*明")]
    [TestCase("解放路**号")]
    public void Already_masked_values_are_not_flagged(string text) => AssertNone(text);

    [TestCase("ZH13812345678")]
    [TestCase("13812345678B")]
    [TestCase("A350425199001011239")]
    [TestCase("card6222021234567894")]
    public void Numbers_touching_ascii_letters_are_not_flagged(string text) => AssertNone(text);

    [TestCase("12345678901")]
    [TestCase("10086123456")]
    [TestCase("350425199001011238")]
    [TestCase("350425200102290041")]
    [TestCase("350425901301123")]
    [TestCase("750425900101123")]
    [TestCase("350400900101123")]
    [TestCase("6222021234567895")]
    [TestCase("0222021234567897")]
    public void Numbers_failing_prefix_date_or_checksum_are_not_flagged(string text) => AssertNone(text);

    [TestCase("东山村三组")]
    [TestCase("青石镇人民政府")]
    [TestCase("第3号文件")]
    [TestCase("南发[2015]15号")]
    [TestCase("镇发〔2026〕3号")]
    [TestCase("乘地铁5号线到站")]
    [TestCase("轨道5号线")]
    [TestCase("东山村1号地块流转")]
    [TestCase("青石村2号机井维修")]
    [TestCase("东山村一号水库除险加固")]
    [TestCase("东山村3号会议室")]
    [TestCase("10千伏线路3号杆")]
    [TestCase("安置小区3号楼主体工程")]
    [TestCase("解放路改造工程")]
    [TestCase("第三村民小组")]
    [TestCase("编号、文号、账号另见附件")]
    public void Place_names_and_document_numbers_are_not_addresses(string text) => AssertNone(text);

    // ---- structure -------------------------------------------------------------------------------------------

    [Test]
    public void Several_matches_are_returned_in_order_with_positions_in_the_original_text()
    {
        const string text = "张三，身份证350425199001011239，电话13812345678，13912345678，住东山村三组12号，卡号6222021234567894";
        var matches = PersonalDataScanner.Scan(text);

        Assert.That(matches.Select(m => m.Kind), Is.EqualTo(new[]
        {
            PersonalDataKind.IdNumber, PersonalDataKind.Mobile, PersonalDataKind.Mobile,
            PersonalDataKind.Address, PersonalDataKind.BankCard,
        }));
        Assert.That(matches.Select(m => m.Masked), Is.EqualTo(new[]
        {
            "350425********1239", "138****5678", "139****5678", "东山村三组**号", "6222 **** **** 7894",
        }));
        foreach (var m in matches)
        {
            Assert.That(text.Substring(m.Index, m.Length), Is.EqualTo(m.Value));
        }
    }

    [Test]
    public void Id_number_that_is_also_luhn_valid_is_reported_as_id_number_only()
    {
        Assert.That(BankCard.IsLuhnValid("110101198006150020"), Is.True, "precondition");
        var matches = PersonalDataScanner.Scan("110101198006150020");
        Assert.That(matches, Has.Count.EqualTo(1));
        Assert.That(matches[0].Kind, Is.EqualTo(PersonalDataKind.IdNumber));
    }

    [Test]
    public void Empty_text_has_no_matches() => Assert.That(PersonalDataScanner.Scan(string.Empty), Is.Empty);

    [TestCase("35042519900101123", '9')]
    [TestCase("11010119800615002", '0')]
    [TestCase("35042519880805004", 'X')]
    public void Id_check_character_follows_gb_11643(string first17, char expected) =>
        Assert.That(IdNumber.CheckChar(first17), Is.EqualTo(expected));

    [TestCase("6222021234567894", true)]
    [TestCase("6222021234567895", false)]
    [TestCase("79927398713", true)]
    [TestCase("79927398710", false)]
    public void Luhn_check_is_computed(string digits, bool valid) =>
        Assert.That(BankCard.IsLuhnValid(digits), Is.EqualTo(valid));

    private static void AssertSingle(string text, PersonalDataKind kind, string value, string masked)
    {
        var matches = PersonalDataScanner.Scan(text);
        Assert.That(matches, Has.Count.EqualTo(1), () => string.Join(" | ", matches));
        var m = matches[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(m.Kind, Is.EqualTo(kind));
            Assert.That(m.Value, Is.EqualTo(value));
            Assert.That(m.Masked, Is.EqualTo(masked));
            Assert.That(text.Substring(m.Index, m.Length), Is.EqualTo(value));
        }
    }

    private static void AssertNone(string text)
    {
        var matches = PersonalDataScanner.Scan(text);
        Assert.That(matches, Is.Empty, () => string.Join(" | ", matches));
    }

    [Test]
    public void The_digit_count_that_gates_the_number_patterns_is_the_plain_count()
    {
        // ASCII and full-width digits, their neighbours, letters and Chinese, in runs of every length.
        const string alphabet = "0123456789０１２３４５６７８９/:／：．元号a张 \t";
        var random = new Random(17);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var plain = text.Count(c => char.IsAsciiDigit(c) || c is >= '０' and <= '９') >= 11;
            Assert.That(PersonalDataScanner.HasNumberDigits(text), Is.EqualTo(plain), text);
        }
    }
}
