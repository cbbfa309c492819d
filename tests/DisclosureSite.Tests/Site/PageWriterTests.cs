using System.Text;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Write;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// A page's layout is rendered into a thread's UTF-8 buffer (<see cref="PageWriter"/>) and written with four system
/// calls (<see cref="NewFile"/>): the bytes and the recorded time must be what the string-and-FileStream way made.
/// </summary>
[TestFixture]
public class PageWriterTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Test]
    public void Pieces_written_in_every_way_give_the_bytes_of_the_whole_text()
    {
        // "𠀀" is a surrogate pair: its halves arrive in two writes; the text ends on a lone high surrogate.
        var pair = "𠀀";
        var writer = PageWriter.Start();
        writer.Write("<p>村务公开 ");
        writer.Write(pair[0]);
        writer.Write(pair[1]);
        writer.Write(['&', 'a'], 0, 1);
        writer.Write("b c".AsSpan(1, 2));
        writer.WriteAsync("异步").GetAwaiter().GetResult();
        writer.WriteAsync('!').GetAwaiter().GetResult();
        writer.WriteAsync(pair.AsMemory(0, 1)).GetAwaiter().GetResult();
        writer.WriteAsync([pair[1], 'x'], 0, 2).GetAwaiter().GetResult();
        writer.WriteLineAsync("行").GetAwaiter().GetResult();
        writer.Write('\uD840');
        var text = "<p>村务公开 " + pair + "&" + " c" + "异步" + "!" + pair + "x" + "行" + writer.NewLine + "\uD840";

        Assert.That(writer.Complete().ToArray(), Is.EqualTo(Utf8.GetBytes(text)));
    }

    [Test]
    public void A_new_page_starts_empty_and_a_large_one_grows_the_buffer()
    {
        var first = PageWriter.Start();
        first.Write("\uD840");
        var large = new string('页', 100_000);
        var second = PageWriter.Start();
        second.Write(large);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first), "one writer per thread");
            Assert.That(second.Complete().ToArray(), Is.EqualTo(Utf8.GetBytes(large)), "no half pair carried over from the page before");
        });
    }

    [Test]
    public void A_new_file_holds_the_bytes_and_its_recorded_time_is_the_one_on_disk()
    {
        using var folder = new TempFolder("new-file");
        Directory.CreateDirectory(folder.Root);
        var path = Path.Combine(folder.Root, "index.html");
        var bytes = Utf8.GetBytes("<!DOCTYPE html>\n<title>公开</title>\n");
        var empty = Path.Combine(folder.Root, "empty.txt");

        var ticks = NewFile.Write(path, bytes);
        var emptyTicks = NewFile.Write(empty, []);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
            Assert.That(ticks, Is.EqualTo(File.GetLastWriteTimeUtc(path).Ticks));
            Assert.That(File.ReadAllBytes(empty), Is.Empty);
            Assert.That(emptyTicks, Is.EqualTo(File.GetLastWriteTimeUtc(empty).Ticks));
        });
    }

    [Test]
    public void A_file_that_exists_or_a_missing_folder_is_reported_as_dotnet_reports_it()
    {
        using var folder = new TempFolder("new-file");
        Directory.CreateDirectory(folder.Root);
        var path = Path.Combine(folder.Root, "index.html");
        File.WriteAllText(path, "before");

        Assert.Multiple(() =>
        {
            Assert.Throws<IOException>(() => NewFile.Write(path, [1, 2, 3]));
            Assert.That(File.ReadAllText(path), Is.EqualTo("before"), "an existing file is never overwritten");
            Assert.Throws<DirectoryNotFoundException>(() => NewFile.Write(Path.Combine(folder.Root, "missing", "index.html"), [1]));
        });
    }
}
