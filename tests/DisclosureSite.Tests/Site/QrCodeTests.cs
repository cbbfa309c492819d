using System.Text;
using System.Text.RegularExpressions;
using DisclosureSite.Site.Render;
using QRCoder;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// Our QR encoder (<see cref="QrCode"/>) against QRCoder's <c>CreateQrCode(text, ECCLevel.M)</c>, which the site used
/// before: the same module matrix for thousands of deterministic pseudo-random texts; and ZXing.Net, a decoder written
/// by others, reads our codes back to the same text, so matching QRCoder is not the only proof that they scan.
/// </summary>
[TestFixture]
public partial class QrCodeTests
{
    private const int QuietZone = 4;

    [Test]
    public void Matches_QRCoder_module_for_module_on_urls_ascii_and_chinese_text()
    {
        var texts = Texts().ToList();
        Assert.That(texts, Has.Count.GreaterThanOrEqualTo(2000));
        var versions = new SortedSet<int>();
        var masks = new SortedSet<int>();
        foreach (var text in texts)
        {
            var ours = QrCode.Encode(text);
            AssertSameAsQRCoder(text, ours);
            versions.Add(ours.Version);
            masks.Add(ours.Mask);
        }

        // The sample reaches codes with version information (≥ 7), several blocks, and every mask.
        Assert.That(versions.Max, Is.GreaterThanOrEqualTo(10));
        Assert.That(masks, Has.Count.EqualTo(8));
    }

    [Test]
    public void ZXing_reads_our_codes_back_to_the_same_text()
    {
        var texts = new List<string>
        {
            "https://example.github.io/qingshi/dongshan/2026-Q3/finance/",
            "https://example.github.io/qingshi/beiling/2025-Q4/construction-funds/",
            "东山村2026年第三季度财务公开",
            "0591-1234567",
            new('a', 2331),
            Repeat("东山村2026年第三季度财务公开", 700),
        };
        texts.AddRange(Texts().Where((_, i) => i % 5 == 0));
        var versions = new SortedSet<int>();
        foreach (var text in texts)
        {
            var code = QrCode.Encode(text);
            Assert.That(Decode(code, text.All(c => c <= '\u00FF')), Is.EqualTo(text), $"version {code.Version}, mask {code.Mask}: {text[..Math.Min(text.Length, 60)]}");
            versions.Add(code.Version);
        }

        Assert.That(texts, Has.Count.GreaterThan(400));
        Assert.That(versions.Max, Is.EqualTo(40));
    }

    /// <summary>
    /// Draws the code as a grey-scale image (4 pixels a module, quiet zone around) and reads it with ZXing.Net. Byte
    /// segments without an ECI header are ISO-8859-1 by the standard, which is how our encoder writes text of such
    /// characters; other text is UTF-8 without an ECI header, which the reader has to recognise, as a phone does.
    /// </summary>
    private static string? Decode(QrCode code, bool latin1)
    {
        const int scale = 4;
        var side = (code.Size + (2 * QuietZone)) * scale;
        var pixels = new byte[side * side];
        Array.Fill(pixels, (byte)255);
        for (var y = 0; y < code.Size; y++)
        {
            for (var x = 0; x < code.Size; x++)
            {
                if (!code.IsDark(x, y))
                {
                    continue;
                }

                for (var dy = 0; dy < scale; dy++)
                {
                    Array.Fill(pixels, (byte)0, ((((y + QuietZone) * scale) + dy) * side) + ((x + QuietZone) * scale), scale);
                }
            }
        }

        return Read(pixels, side, latin1);
    }

    /// <summary>ZXing.Net's reading of a square grey-scale image (one byte a pixel) holding one QR code and its quiet zone.</summary>
    internal static string? Read(byte[] pixels, int side, bool latin1 = false)
    {
        var image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, side, side, RGBLuminanceSource.BitmapFormat.Gray8)));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        if (latin1)
        {
            hints[DecodeHintType.CHARACTER_SET] = "ISO-8859-1";
        }

        return new QRCodeReader().decode(image, hints)?.Text;
    }

    [Test]
    public void Matches_QRCoder_on_long_texts_up_to_version_40()
    {
        var random = new Random(40);
        var texts = new List<string>
        {
            new('a', 2331),                                  // the most bytes version 40-M holds
            new('7', 5596),                                  // the most digits
            new string('Z', 3391),                           // the most alphanumeric characters
            Repeat("https://example.github.io/qingshi/dongshan/2026-Q3/finance/", 1500),
            Repeat("东山村2026年第三季度财务公开", 700),
        };
        foreach (var length in new[] { 320, 400, 520, 640, 800, 1000, 1300, 1700, 2100 })
        {
            texts.Add(RandomAscii(random, length));
            texts.Add(MixedSegments(random, length));
        }

        var versions = new SortedSet<int>();
        foreach (var text in texts)
        {
            var ours = QrCode.Encode(text);
            AssertSameAsQRCoder(text, ours);
            versions.Add(ours.Version);
        }

        Assert.That(versions.Max, Is.EqualTo(40));
        Assert.That(versions.Min, Is.LessThan(27));
    }

    [Test]
    public void Text_beyond_version_40_is_refused_clearly()
    {
        var tooLong = new string('a', 2332);
        var error = Assert.Throws<ArgumentException>(() => QrCode.Encode(tooLong));
        Assert.That(error!.Message, Does.Contain("too long for a QR code"));
        using var generator = new QRCodeGenerator();
        Assert.Throws<QRCoder.Exceptions.DataTooLongException>(() => generator.CreateQrCode(tooLong, QRCodeGenerator.ECCLevel.M));
    }

    // Version 4 (its rows as bits) and a version above 11 (one byte per module): the two ways the runs are found.
    [TestCase("https://example.github.io/qingshi/dongshan/2026-Q3/finance/")]
    [TestCase("https://example.github.io/qingshi/dongshan/2026-Q3/finance/?note=shouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxishouzhimingxi")]
    public void The_svg_path_draws_exactly_the_dark_modules_in_runs(string url)
    {
        var svg = QrSvg.Of(url, "本页网址的二维码:" + url + "&<>\"");
        Assert.That(QrCode.Encode(url).HasRows, Is.EqualTo(url.Length < 100), "the short URL is drawn from bits, the long one from bytes");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var n = data.ModuleMatrix.Count;

        var match = SvgShape().Match(svg);
        Assert.That(match.Success, Is.True, svg);
        Assert.That(match.Groups["n"].Value, Is.EqualTo(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(match.Groups["label"].Value, Is.EqualTo(System.Net.WebUtility.HtmlEncode("本页网址的二维码:" + url + "&<>\"")));

        // The pen walks the path as a browser does: M moves to an absolute point, m by an offset, h draws a line along the
        // row's middle (y + 0.5) that covers the modules under it, a module thick.
        var drawn = new bool[n, n];
        var runs = 0;
        double penX = 0, penY = 0;
        foreach (Match run in SvgRun().Matches(match.Groups["d"].Value))
        {
            var dx = double.Parse(run.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var dy = double.Parse(run.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            (penX, penY) = run.Groups["move"].Value == "M" ? (dx, dy) : (penX + dx, penY + dy);
            Assert.That(penY % 1, Is.EqualTo(0.5), "a line runs along the middle of a row of modules");
            Assert.That(penX % 1, Is.Zero);
            var (x, y) = ((int)penX, (int)Math.Floor(penY));
            var length = int.Parse(run.Groups["len"].Value, System.Globalization.CultureInfo.InvariantCulture);
            penX += length;
            for (var i = 0; i < length; i++)
            {
                Assert.That(drawn[y, x + i], Is.False, $"module ({x + i},{y}) drawn twice");
                drawn[y, x + i] = true;
            }

            runs++;
        }

        Assert.That(SvgRun().Replace(match.Groups["d"].Value, string.Empty), Is.Empty, "the path holds nothing but runs");
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                Assert.That(drawn[y, x], Is.EqualTo(data.ModuleMatrix[y][x]), $"module ({x},{y})");
            }
        }

        // Maximal runs: as many as the rows hold runs of dark modules.
        var expectedRuns = 0;
        foreach (var row in data.ModuleMatrix)
        {
            for (var x = 0; x < n; x++)
            {
                expectedRuns += row[x] && (x == 0 || !row[x - 1]) ? 1 : 0;
            }
        }

        Assert.That(runs, Is.EqualTo(expectedRuns));
    }

    private static void AssertSameAsQRCoder(string text, QrCode ours)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        Assert.That(matrix, Has.Count.EqualTo(ours.Size + (2 * QuietZone)), () => $"size differs for {Describe(text)}");
        Assert.That(data.Version, Is.EqualTo(ours.Version), () => $"version differs for {Describe(text)}");
        for (var y = 0; y < matrix.Count; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < matrix.Count; x++)
            {
                var inside = x >= QuietZone && y >= QuietZone && x < QuietZone + ours.Size && y < QuietZone + ours.Size;
                var expected = inside && ours.IsDark(x - QuietZone, y - QuietZone);
                if (row[x] != expected)
                {
                    Assert.Fail($"module ({x - QuietZone},{y - QuietZone}) differs (QRCoder {row[x]}, ours {expected}; version {ours.Version}, our mask {ours.Mask}) for {Describe(text)}");
                }
            }
        }
    }

    private static string Describe(string text) => $"\"{(text.Length > 80 ? text[..80] + "…" : text)}\" ({text.Length} chars)";

    /// <summary>Deterministic texts of 1–300 characters: site URLs, printable ASCII, Chinese text and a few stressers.</summary>
    private static IEnumerable<string> Texts()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 800; i++)
        {
            yield return Url(random);
        }

        for (var i = 0; i < 700; i++)
        {
            yield return RandomAscii(random, Length(random));
        }

        for (var i = 0; i < 400; i++)
        {
            yield return Chinese(random, Length(random));
        }

        // Digits and upper case (numeric and alphanumeric segments), Latin-1 letters (one byte each, no UTF-8).
        for (var i = 0; i < 300; i++)
        {
            yield return MixedSegments(random, Length(random));
        }

        for (var i = 0; i < 100; i++)
        {
            var text = new StringBuilder();
            var length = Length(random);
            while (text.Length < length)
            {
                text.Append("éüßñçàÆØÅ©°±µ¿×÷"[random.Next(16)]).Append((char)random.Next(0x20, 0x7F));
            }

            yield return text.ToString(0, length);
        }

        // Short texts of every length 1–12 in each alphabet: where versions and modes switch first.
        for (var length = 1; length <= 12; length++)
        {
            yield return RandomAscii(random, length);
            yield return new string((char)('0' + random.Next(10)), length);
            yield return Chinese(random, length);
        }

        yield return string.Empty;
    }

    private static int Length(Random random) => random.Next(4) == 0 ? random.Next(1, 301) : random.Next(1, 121);

    private static readonly string[] Hosts = ["https://example.github.io", "https://xz-qingshi.gov.cn", "http://127.0.0.1:8080", "https://cun.example.org/gongkai"];
    private static readonly string[] Towns = ["qingshi", "dongshan", "xishui", "nanhu", "beiling", "town-0042"];
    private static readonly string[] Sections = ["finance", "affairs", "party", "assets", "subsidy", "projects", "print", "ledger"];

    private static string Url(Random random)
    {
        var url = new StringBuilder(Hosts[random.Next(Hosts.Length)]);
        url.Append('/').Append(Towns[random.Next(Towns.Length)]);
        var parts = random.Next(1, 6);
        for (var i = 0; i < parts; i++)
        {
            url.Append('/');
            switch (random.Next(5))
            {
                case 0:
                    url.Append(2020 + random.Next(10)).Append("-Q").Append(random.Next(1, 5));
                    break;
                case 1:
                    url.Append(Sections[random.Next(Sections.Length)]);
                    break;
                case 2:
                    url.Append(2020 + random.Next(10)).Append(random.Next(1, 13).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
                        .Append(random.Next(1, 29).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append('-').Append(random.Next(1000));
                    break;
                case 3:
                    url.Append(Towns[random.Next(Towns.Length)]).Append('-').Append(random.Next(100));
                    break;
                default:
                    url.Append(Uri.EscapeDataString("第" + random.Next(1, 9) + "组"));
                    break;
            }
        }

        url.Append(random.Next(3) switch { 0 => "/", 1 => ".html", _ => "/print/" });
        return url.Length > 300 ? url.ToString(0, 300) : url.ToString();
    }

    private static string RandomAscii(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }

    private static string Chinese(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => "，。：、（）《》"[random.Next(8)],
                _ => (char)random.Next(0x4E00, 0x9FA6),
            };
        }

        return new string(chars);
    }

    private static string MixedSegments(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            var run = random.Next(1, 25);
            for (var i = 0; i < run; i++)
            {
                text.Append(random.Next(3) switch
                {
                    0 => (char)('0' + random.Next(10)),
                    1 => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"[random.Next(45)],
                    _ => (char)random.Next(0x20, 0x7F),
                });
            }

            var digits = random.Next(0, 20);
            for (var i = 0; i < digits; i++)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }

        return text.ToString(0, length);
    }

    private static string Repeat(string text, int length)
    {
        var result = new StringBuilder(length + text.Length);
        while (result.Length < length)
        {
            result.Append(text);
        }

        return result.ToString(0, length);
    }

    [GeneratedRegex("""^<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 (?<n>\d+) \k<n>" role="img" aria-label="(?<label>[^"]*)" shape-rendering="crispEdges"><rect width="\k<n>" height="\k<n>" fill="#fff"/><path d="(?<d>[^"]*)" fill="none" stroke="#000"/></svg>$""")]
    private static partial Regex SvgShape();

    [GeneratedRegex(@"(?<move>[Mm])(?<x>\d+) (?<y>\d+(?:\.5)?)h(?<len>\d+)")]
    private static partial Regex SvgRun();
}
