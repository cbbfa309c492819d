using System.Globalization;
using System.Text;
using QRCoder;

namespace DisclosureSite.Site.Render;

/// <summary>A QR code as a small inline SVG (one path; black on white; with its quiet zone) for the print views.</summary>
public static class QrSvg
{
    public static string Of(string url, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var n = size.ToString(CultureInfo.InvariantCulture);
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
