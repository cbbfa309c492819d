using BenchmarkDotNet.Attributes;
using DisclosureSite.Site.Render;
using QRCoder;

namespace DisclosureSite.Benchmarks;

/// <summary>
/// One QR code per print page (~68,000 at county scale): our encoder against QRCoder's <c>CreateQrCode(url, M)</c>, which
/// it replaced and must match module for module (QrCodeTests), for the URL of a typical page; and the whole SVG.
/// </summary>
[MemoryDiagnoser]
public class QrBenchmarks
{
    private const string Url = "https://example.github.io/qingshi/dongshan/2026-Q3/finance/";
    private const string Label = "本页网址的二维码:" + Url;

    [Benchmark(Baseline = true)]
    public int QRCoder_CreateQrCode()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Url, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Count;
    }

    [Benchmark]
    public int QrCode_Encode() => QrCode.Encode(Url).Size;

    [Benchmark]
    public int QrSvg_Of() => QrSvg.Of(Url, Label).Length;
}
