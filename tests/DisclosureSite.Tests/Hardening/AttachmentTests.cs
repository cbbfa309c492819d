using DisclosureSite.Loading;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12, class 3: attachments are published as they are, so only safe types are (PDF, images other than SVG,
/// office documents), recognised by content and name together. The samples in tests/fixtures/attachments/ were made by
/// LibreOffice (<c>soffice --headless --convert-to</c>) and openpyxl, not by this project.
/// </summary>
public class AttachmentTests
{
    private static string Sample(string name) => Path.Combine(TestPaths.Fixtures, "attachments", name);

    [TestCase("notice.pdf")]
    [TestCase("notice.ods")]
    [TestCase("notice.xlsx")]
    [TestCase("notice.xls")]
    [TestCase("notice.png")]
    [TestCase("notice.jpg")]
    [TestCase("notice.gif")]
    [TestCase("notice.webp")]
    [TestCase("sheet.xlsx")]
    public void Documents_made_by_office_software_are_safe(string name)
    {
        Assert.That(AttachmentTypes.IsSafe(name, File.ReadAllBytes(Sample(name))), Is.True);
    }

    [TestCase("notice.pdf", "notice.png")]
    [TestCase("notice.xlsx", "notice.docx")]
    [TestCase("sheet.xlsx", "sheet.pptx")]
    [TestCase("notice.ods", "notice.odt")]
    [TestCase("notice.png", "notice.jpg")]
    [TestCase("notice.xls", "notice.pdf")]
    [TestCase("notice.pdf", "notice.txt")]
    public void Content_must_match_the_name(string sample, string claimedName)
    {
        Assert.That(AttachmentTypes.IsSafe(claimedName, File.ReadAllBytes(Sample(sample))), Is.False);
    }

    [TestCase("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [TestCase("page.html", "<script>alert(1)</script>")]
    [TestCase("page.htm", "<script>alert(1)</script>")]
    [TestCase("page.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>")]
    [TestCase("run.js", "alert(1)")]
    [TestCase("scan.pdf", "<html><body onload=alert(1)>")]
    [TestCase("photo.jpg", "<svg onload=alert(1)>")]
    [TestCase("report.docx", "PK\u0003\u0004 not really a zip")]
    [TestCase("setup.exe", "MZ")]
    [TestCase("noextension", "%PDF-1.4")]
    public void Active_or_disguised_content_is_refused(string name, string content)
    {
        Assert.That(AttachmentTypes.IsSafe(name, System.Text.Encoding.UTF8.GetBytes(content)), Is.False);
    }

    [Test]
    public void Safe_attachments_are_published_and_active_content_never_is()
    {
        using var a = new Attack();
        a.WriteBytes("input/disclosures/dongshan/2026-Q3/notice.pdf", File.ReadAllBytes(Sample("notice.pdf")));
        a.WriteBytes("input/disclosures/dongshan/2026-Q3/photo.png", File.ReadAllBytes(Sample("notice.png")));
        a.WriteDisclosure("finance", "attachments: [notice.pdf, photo.png]\n");
        var run = a.Build();
        Assert.That(run.Code, Is.EqualTo(0), run.ToString());
        Assert.That(File.Exists(a.Path("_site/dongshan/2026-Q3/finance/notice.pdf")), Is.True);
        Assert.That(File.Exists(a.Path("_site/dongshan/2026-Q3/finance/photo.png")), Is.True);

        a.Write("input/disclosures/dongshan/2026-Q3/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"/>");
        a.WriteDisclosure("finance", "attachments: [notice.pdf, logo.svg]\n");
        var check = a.Check();
        Assert.That(check.Code, Is.EqualTo(1), check.ToString());
        Assert.That(check.Out, Does.Contain("input.unsafe-attachment"));
        Assert.That(a.Build().Code, Is.EqualTo(1));
        Assert.That(Directory.EnumerateFiles(a.Path("_site"), "*.svg", SearchOption.AllDirectories), Is.Empty);
    }
}
