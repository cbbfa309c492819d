namespace DisclosureSite.Model;

/// <summary>Messages of the hardening rules (issue 12): folders the tool replaces, files it may read, limits, attachments.</summary>
public static partial class Messages
{
    // ---- folders the tool deletes and makes anew (output, spare, corpus) ----
    public static LocalizedText ToolFolderIsFile(string path) => T(
        $"'{path}' 是一个文件,不是文件夹;为免覆盖,没有做任何改动。请用 --output 指定一个新的或空的文件夹。",
        $"'{path}' is a file, not a folder; nothing was changed. Give --output a new or empty folder.");

    public static LocalizedText ToolFolderHoldsInput(string path) => T(
        $"不能把 '{path}' 当作输出文件夹:它是(或包含)输入文件夹或当前文件夹,构建会把它整个替换掉。没有做任何改动。请用 --output 指定一个新的文件夹,例如 _site。",
        $"'{path}' cannot be the output folder: it is (or holds) the input folder or the current folder, and a build replaces it whole. Nothing was changed; give --output a new folder such as _site.");

    public static LocalizedText ToolFolderIsRepository(string path) => T(
        $"'{path}' 是一个 Git 仓库(里面有 .git),不能当作输出文件夹:构建会把它整个替换掉。没有做任何改动。请用 --output 指定一个新的文件夹,例如 _site。",
        $"'{path}' is a Git repository (it holds .git) and cannot be the output folder: a build replaces it whole. Nothing was changed; give --output a new folder such as _site.");

    public static LocalizedText ToolFolderNotOurs(string path, IReadOnlyList<string> sample) => T(
        $"文件夹 '{path}' 里已有别的文件({string.Join("、", sample)}……),不是本工具生成的,构建会把它整个替换掉。为免误删,没有做任何改动。请换一个新的或空的文件夹;确认不要这些文件时,先自己删掉它。",
        $"The folder '{path}' holds other files ({string.Join(", ", sample)}…) that this tool did not make, and a build replaces it whole. Nothing was changed; use a new or empty folder, or delete it yourself first.");

    public static LocalizedText ToolFileNotOurs(string path) => T(
        $"'{path}' 已存在,但不是本工具的构建缓存,构建会覆盖它。为免误删,没有做任何改动。请移走这个文件或换一个输出文件夹。",
        $"'{path}' exists but is not this tool's build cache, and a build would overwrite it. Nothing was changed; move the file away or use another output folder.");

    public static LocalizedText OutputNotWritable(string path, string reason) => T(
        $"无法写入输出文件夹 '{path}':{reason}。网站没有更新。请检查文件夹是否只读、磁盘是否已满,或用 --output 换一个文件夹。",
        $"The output folder '{path}' cannot be written ({reason}); the site was not changed. Check permissions and free space, or use another --output.");

    // ---- files the build may read ----
    public static LocalizedText InsideGitFolder(string r) => T(
        $"'{r}' 在 .git 文件夹里(或是指向它的链接),不能读取或发布:那里有仓库的配置,在 CI 上还可能有访问凭据。请把真实文件复制到 .md 旁边。",
        $"'{r}' is inside the .git folder (or a link into it) and cannot be read or published: it holds the repository's configuration and, on CI, credentials. Copy the real file beside the .md.");

    public static LocalizedText ThemeFileOutside(string path) => T(
        $"主题文件 '{path}' 是指向输入文件夹之外(或 .git 里)的链接,不能使用。请把真实文件复制到 input/theme/ 里。",
        $"The theme file '{path}' is a link pointing outside the input folder (or into .git); copy the real file into input/theme/.");

    // ---- resource limits (InputLimits) ----
    public static LocalizedText TooManyColumns(int columns, int limit) => T(
        $"表格有 {columns} 列,超过上限 {limit} 列。请只保留要公开的列;如果是 Excel,请删除远处无用的单元格(选中多余的列后“删除”,不是“清除内容”),再保存。",
        $"The table has {columns} columns (limit {limit}). Keep only the columns to publish; in Excel delete (not just clear) stray far-away cells and save again.");

    public static LocalizedText TooManyRows(int limit) => T(
        $"表格超过 {limit} 行的上限。一份公开材料不应这么长,请拆成几份,或删除末尾多余的空行(Excel 里选中后“删除行”)。",
        $"The table has more than {limit} rows (the limit). Split it, or delete the stray empty rows at its end.");

    public static LocalizedText TooManyCells(long limit) => T(
        $"表格超过 {limit} 个单元格(行数 × 列数)的上限。请拆成几份,或删除多余的行和列。",
        $"The table has more than {limit} cells (rows × columns), the limit. Split it or delete unused rows and columns.");

    public static LocalizedText CellTooLong(int length, int limit) => T(
        $"这个单元格有 {length} 个字符,超过上限 {limit}(Excel 单元格的上限)。请检查是否把整篇文字粘贴进了一个格子。",
        $"This cell has {length} characters (limit {limit}, Excel's own); check that a whole text was not pasted into one cell.");

    public static LocalizedText UnpacksTooLarge(long limit) => T(
        $"这个表格文件解压后超过 {limit / 1024 / 1024} MB 的上限(可能是损坏的或恶意构造的文件)。请在 Excel/WPS 中打开后“另存为”一份新的 .xlsx,或导出为 CSV。",
        $"This spreadsheet unpacks to more than {limit / 1024 / 1024} MB (the limit); it may be damaged or hostile. Open it in Excel/WPS and save a new copy, or export CSV.");

    public static LocalizedText MarkdownTooDeep(int limit) => T(
        $"正文的嵌套层次太深(列表、引用或强调套了超过 {limit} 层)。请减少缩进或嵌套的层数。",
        $"The body nests too deeply (lists, quotes or emphasis more than {limit} levels). Reduce the nesting.");

    // ---- attachments and published files ----
    public static LocalizedText BadAttachmentName(string reference, string suggestion) => T(
        $"附件名 '{reference}' 不能用作网址:只能用英文字母、数字、- 和 _(不能有中文、空格、#、? 或看不见的方向符号)。请改名,例如 {suggestion}。",
        $"The attachment name '{reference}' cannot be a URL: use ASCII letters, digits, - and _ only (no spaces, #, ? or direction marks). Rename it, e.g. {suggestion}.");

    public static LocalizedText AttachmentTypeNotAllowed(string reference, IEnumerable<string> allowed) => T(
        $"附件 '{reference}' 的类型不能发布:网页、SVG 图片、脚本和程序可能在村民的浏览器里执行代码。可以发布的类型有:{string.Join(" ", allowed)}。请另存为 PDF 或图片(PNG、JPG)。",
        $"The attachment '{reference}' is of a type that cannot be published (web pages, SVG, scripts and programs can run code in readers' browsers). Allowed: {string.Join(" ", allowed)}. Save it as PDF or an image.");

    public static LocalizedText AttachmentContentMismatch(string reference, string extension) => T(
        $"附件 '{reference}' 的内容不是 {extension} 文件(可能是改了扩展名的网页或其他文件),不能发布。请用原软件重新导出为 {extension},或另存为 PDF。",
        $"The content of the attachment '{reference}' is not a {extension} file (perhaps a renamed web page); it cannot be published. Export it again, or save it as PDF.");

    public static LocalizedText DuplicatePublishedFile(string reference, string other, string published) => T(
        $"'{reference}' 和 '{other}' 在网页旁都会发布为同一个文件 {published}。请删除重复的一项,或给其中一个文件改名。",
        $"'{reference}' and '{other}' would both be published as {published} beside the page; remove the duplicate or rename one of them.");

    public static LocalizedText ReservedUnitId(string id, IEnumerable<string> reserved) => T(
        $"单位编号 '{id}' 与网站自己的栏目同名(网址 /{id}/ 已被占用)。请换一个编号,例如 '{id}-cun';不能用的编号有:{string.Join(", ", reserved)}。",
        $"Unit id '{id}' is the name of one of the site's own sections (/{id}/ is taken). Choose another id, e.g. '{id}-cun'; reserved: {string.Join(", ", reserved)}.");

    public static LocalizedText Unexpected(string type, string message) => T(
        $"出错了,命令没有完成({type}:{message})。构建中断时网站保持原样。请把这一行报告给维护者。",
        $"The command did not complete ({type}: {message}). An interrupted build leaves the site as it was. Please report this line.");
}
