using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace DisclosureSite.Site.Render;

/// <summary>
/// A QR code (<see cref="QrCode"/>, level M) as a small inline SVG for the print views: black on white, with its 4-module
/// quiet zone. The dark modules are one path of lines a module thick, one per horizontal run of a row, stroked along the
/// row's middle: <c>M{x} {y}.5h{n}</c> for a row's first run, <c>m{gap} 0h{n}</c> for the next ones — about half the
/// bytes of a filled rectangle per run (<c>M{x} {y}h{n}v1h-{n}z</c>), on every item and period page.
/// </summary>
public static class QrSvg
{
    private const int QuietZone = 4;

    /// <summary>Longest run: "M" + 3 digits + " " + 3 digits + ".5h" + 3 digits.</summary>
    private const int MaxRunLength = 14;

    /// <summary>The QR code every print view carries: the page's own address, labelled for screen readers in the site's words.</summary>
    public static string ForPage(string absoluteUrl) => Of(absoluteUrl, "本页网址的二维码：" + absoluteUrl);

    public static string Of(string url, string label)
    {
        var code = QrCode.Encode(url);
        var size = code.Size;
        var n = (size + (2 * QuietZone)).ToString(CultureInfo.InvariantCulture);
        var head = $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path d=\"";
        const string tail = "\" fill=\"none\" stroke=\"#000\"/></svg>";

        // At most one run per two modules of a row (a run and the light module after it).
        var buffer = ArrayPool<char>.Shared.Rent(size * ((size + 1) / 2) * MaxRunLength);
        try
        {
            var path = new Path(buffer);
            if (code.HasRows)
            {
                // A row a word at a time: the next run starts at the lowest dark bit and ends at the next light one.
                var rows = code.Rows;
                for (var y = 0; y < size; y++)
                {
                    var row = rows[y];
                    path.StartRow(y);
                    while (row != 0)
                    {
                        var start = BitOperations.TrailingZeroCount(row);
                        var light = ~(row >> start);
                        var length = light == 0 ? 64 - start : BitOperations.TrailingZeroCount(light);
                        path.Run(start, length);
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
                    path.StartRow(y);
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

                        path.Run(start, x - start);
                    }
                }
            }

            return string.Concat(head, path.Written, tail);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The path's text as it is written, row by row: where the pen is decides how the next run is written.</summary>
    private ref struct Path(char[] buffer)
    {
        private readonly Span<char> _text = buffer;
        private int _length;
        private int _y;
        private int _x; // the pen's module column after the last run of this row; -1 before the row's first run

        public readonly ReadOnlySpan<char> Written => _text[.._length];

        public void StartRow(int y)
        {
            _y = y;
            _x = -1;
        }

        /// <summary>A line over <paramref name="length"/> dark modules from column <paramref name="x"/> of the row.</summary>
        public void Run(int x, int length)
        {
            if (_x < 0)
            {
                _text[_length++] = 'M';
                Digits(x + QuietZone);
                _text[_length++] = ' ';
                Digits(_y + QuietZone);
                ".5h".CopyTo(_text[_length..]);
                _length += 3;
            }
            else
            {
                _text[_length++] = 'm';
                Digits(x - _x);
                " 0h".CopyTo(_text[_length..]);
                _length += 3;
            }

            Digits(length);
            _x = x + length;
        }

        /// <summary>Writes 0–999 in decimal.</summary>
        private void Digits(int value)
        {
            if (value >= 100)
            {
                _text[_length++] = (char)('0' + (value / 100));
                _text[_length++] = (char)('0' + (value / 10 % 10));
                _text[_length++] = (char)('0' + (value % 10));
            }
            else if (value >= 10)
            {
                _text[_length++] = (char)('0' + (value / 10));
                _text[_length++] = (char)('0' + (value % 10));
            }
            else
            {
                _text[_length++] = (char)('0' + value);
            }
        }
    }
}
