using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace DisclosureSite.Site.Render;

/// <summary>
/// A QR code (<see cref="QrCode"/>, level M) as a small inline SVG for the print views: black on white, with its 4-module
/// quiet zone, one path holding one rectangle per horizontal run of dark modules (<c>M{x} {y}h{n}v1h-{n}z</c>).
/// </summary>
public static class QrSvg
{
    private const int QuietZone = 4;

    /// <summary>Longest run: "M" + 3 digits + " " + 3 digits + "h" + 3 digits + "v1h-" + 3 digits + "z".</summary>
    private const int MaxRunLength = 21;

    /// <summary>The QR code every print view carries: the page's own address, labelled for screen readers in the site's words.</summary>
    public static string ForPage(string absoluteUrl) => Of(absoluteUrl, "本页网址的二维码：" + absoluteUrl);

    public static string Of(string url, string label)
    {
        var code = QrCode.Encode(url);
        var size = code.Size;
        var n = (size + (2 * QuietZone)).ToString(CultureInfo.InvariantCulture);
        var head = $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path d=\"";
        const string tail = "\" fill=\"#000\"/></svg>";

        // At most one run per two modules of a row (a run and the light module after it).
        var buffer = ArrayPool<char>.Shared.Rent(size * ((size + 1) / 2) * MaxRunLength);
        try
        {
            var path = buffer.AsSpan();
            var at = 0;
            if (code.HasRows)
            {
                // A row a word at a time: the next run starts at the lowest dark bit and ends at the next light one.
                var rows = code.Rows;
                for (var y = 0; y < size; y++)
                {
                    var row = rows[y];
                    while (row != 0)
                    {
                        var start = BitOperations.TrailingZeroCount(row);
                        var light = ~(row >> start);
                        var length = light == 0 ? 64 - start : BitOperations.TrailingZeroCount(light);
                        at += Run(path[at..], start, y, length);
                        row = start + length >= 64 ? 0 : row & (ulong.MaxValue << (start + length));
                    }
                }
            }
            else
            {
                var modules = code.Modules;
                for (var y = 0; y < size; y++)
                {
                    var row = modules.Slice(y * size, size);
                    var x = 0;
                    while (x < size)
                    {
                        if (row[x] == 0)
                        {
                            x++;
                            continue;
                        }

                        var start = x;
                        while (x < size && row[x] != 0)
                        {
                            x++;
                        }

                        at += Run(path[at..], start, y, x - start);
                    }
                }
            }

            return string.Concat(head, path[..at], tail);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the rectangle of a run of <paramref name="length"/> dark modules from (<paramref name="x"/>, <paramref name="y"/>); returns the number of characters.</summary>
    private static int Run(Span<char> path, int x, int y, int length)
    {
        var at = 0;
        path[at++] = 'M';
        at += Digits(path[at..], x + QuietZone);
        path[at++] = ' ';
        at += Digits(path[at..], y + QuietZone);
        path[at++] = 'h';
        at += Digits(path[at..], length);
        "v1h-".CopyTo(path[at..]);
        at += 4;
        at += Digits(path[at..], length);
        path[at++] = 'z';
        return at;
    }

    /// <summary>Writes 0–999 in decimal; returns the number of characters.</summary>
    private static int Digits(Span<char> into, int value)
    {
        if (value >= 100)
        {
            into[0] = (char)('0' + (value / 100));
            into[1] = (char)('0' + (value / 10 % 10));
            into[2] = (char)('0' + (value % 10));
            return 3;
        }

        if (value >= 10)
        {
            into[0] = (char)('0' + (value / 10));
            into[1] = (char)('0' + (value % 10));
            return 2;
        }

        into[0] = (char)('0' + value);
        return 1;
    }
}
