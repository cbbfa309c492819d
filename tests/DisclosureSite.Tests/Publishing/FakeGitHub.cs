using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosureSite.Tests.Publishing;

/// <summary>A request the fake API received: method, path (after any <c>/api/v3</c> prefix), query and JSON body.</summary>
public sealed record RecordedRequest(string Method, string RawPath, string Path, string Query, JsonNode? Body, string? Authorization)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>
/// The part of the GitHub REST API that <c>disclosure remind</c> uses (issues, comments, labels, assignees),
/// served by Kestrel on loopback, with an in-memory store. Every request is recorded; a failure mode makes
/// every request answer with a chosen status and headers (401, 403, rate limit, 500).
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private int _nextNumber = 1;

    public FakeGitHub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Issues by number (any state).</summary>
    public Dictionary<int, JsonObject> Issues { get; } = [];

    /// <summary>Comments by issue number.</summary>
    public Dictionary<int, List<string>> Comments { get; } = [];

    public List<string> Labels { get; } = [];

    /// <summary>Logins the repository accepts as assignees (GET /assignees/{login} → 204).</summary>
    public HashSet<string> Assignable { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, every request gets this status, these headers and a GitHub-style error message.</summary>
    public (int Status, string Message, Dictionary<string, string> Headers)? Failure { get; set; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeGitHub> StartAsync()
    {
        var fake = new FakeGitHub();
        await fake._app.StartAsync();
        fake.Url = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public JsonObject AddIssue(string title, string body, string state = "open", params string[] labels)
    {
        lock (_gate)
        {
            var n = _nextNumber++;
            var issue = NewIssue(n, title, body, labels, []);
            issue["state"] = state;
            Issues[n] = issue;
            return issue;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var raw = ctx.Request.Path.Value ?? "/";
        var path = raw.StartsWith("/api/v3/", StringComparison.Ordinal) ? raw["/api/v3".Length..] : raw;
        JsonNode? body = null;
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(ctx.Request.Body);
        }

        var request = new RecordedRequest(ctx.Request.Method, raw, Uri.UnescapeDataString(path), Uri.UnescapeDataString(ctx.Request.QueryString.Value ?? ""), body, ctx.Request.Headers.Authorization.ToString());
        lock (_gate)
        {
            _requests.Add(request);
        }

        if (Failure is { } f)
        {
            foreach (var (k, v) in f.Headers)
            {
                ctx.Response.Headers[k] = v;
            }

            await Json(ctx, f.Status, new JsonObject { ["message"] = f.Message, ["documentation_url"] = "https://docs.github.com/rest" });
            return;
        }

        var parts = path.Trim('/').Split('/');
        if (parts is not ["repos", var owner, var repo, ..])
        {
            await Json(ctx, 404, new JsonObject { ["message"] = "Not Found" });
            return;
        }

        var rest = parts[3..];
        var method = ctx.Request.Method;
        int status;
        JsonNode? json;
        lock (_gate)
        {
            (status, json) = (method, rest) switch
            {
                ("GET", ["issues"]) => (200, (JsonNode?)ListIssues(ctx.Request.Query["state"].ToString(), ctx.Request.Query["labels"].ToString())),
                ("POST", ["issues"]) => (201, Create(body!)),
                ("PATCH", ["issues", var n]) when Issues.ContainsKey(Number(n)) => (200, Patch(Number(n), body!)),
                ("POST", ["issues", var n, "comments"]) => (201, Comment(Number(n), body!)),
                ("GET", ["labels"]) => (200, new JsonArray([.. Labels.Select(l => Label(l))])),
                ("POST", ["labels"]) => (201, AddLabel(body!["name"]!.GetValue<string>())),
                ("GET", ["assignees", var login]) when Assignable.Contains(login) => (204, null),
                _ => (404, new JsonObject { ["message"] = $"Not Found ({owner}/{repo})" }),
            };
        }

        if (json is null)
        {
            ctx.Response.StatusCode = status;
            return;
        }

        await Json(ctx, status, json);
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static Task Json(HttpContext ctx, int status, JsonNode json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(json.ToJsonString());
    }

    private JsonArray ListIssues(string state, string labels)
    {
        var wanted = labels.Length == 0 ? [] : labels.Split(',');
        var matches = Issues.Values
            .Where(i => state is "" or "all" || i["state"]!.GetValue<string>() == state)
            .Where(i => wanted.All(w => i["labels"]!.AsArray().Any(l => l!["name"]!.GetValue<string>() == w)))
            .OrderBy(i => i["number"]!.GetValue<int>())
            .Select(i => i.DeepClone());
        return new JsonArray([.. matches]);
    }

    private JsonObject Create(JsonNode body)
    {
        var n = _nextNumber++;
        var labels = body["labels"]?.AsArray().Select(l => l!.GetValue<string>()).ToArray() ?? [];
        var assignees = body["assignees"]?.AsArray().Select(l => l!.GetValue<string>()).ToArray() ?? [];
        var issue = NewIssue(n, body["title"]!.GetValue<string>(), body["body"]?.GetValue<string>() ?? "", labels, assignees);
        Issues[n] = issue;
        return (JsonObject)issue.DeepClone();
    }

    private JsonObject Patch(int number, JsonNode body)
    {
        var issue = Issues[number];
        foreach (var (key, value) in body.AsObject())
        {
            switch (key)
            {
                case "title" or "body" or "state" or "state_reason":
                    issue[key] = value?.DeepClone();
                    break;
                case "labels":
                    issue["labels"] = new JsonArray([.. value!.AsArray().Select(l => Label(l!.GetValue<string>()))]);
                    break;
                case "assignees":
                    issue["assignees"] = new JsonArray([.. value!.AsArray().Select(a => User(a!.GetValue<string>()))]);
                    break;
            }
        }

        return (JsonObject)issue.DeepClone();
    }

    private JsonObject Comment(int number, JsonNode body)
    {
        var text = body["body"]!.GetValue<string>();
        (Comments.TryGetValue(number, out var list) ? list : Comments[number] = []).Add(text);
        return new JsonObject { ["id"] = 1000 + number, ["body"] = text, ["user"] = User("github-actions[bot]"), ["created_at"] = "2026-11-24T00:10:00Z" };
    }

    private JsonObject AddLabel(string name)
    {
        Labels.Add(name);
        return Label(name);
    }

    private static JsonObject Label(string name) => new() { ["id"] = Math.Abs(name.GetHashCode(StringComparison.Ordinal)), ["name"] = name, ["color"] = "ededed", ["url"] = "http://fake/label" };

    private static JsonObject User(string login) => new() { ["login"] = login, ["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal)), ["type"] = "User" };

    private static JsonObject NewIssue(int number, string title, string body, IEnumerable<string> labels, IEnumerable<string> assignees)
    {
        var a = assignees.ToList();
        return new JsonObject
        {
            ["id"] = 5000 + number,
            ["number"] = number,
            ["title"] = title,
            ["body"] = body,
            ["state"] = "open",
            ["state_reason"] = null,
            ["labels"] = new JsonArray([.. labels.Select(l => Label(l))]),
            ["assignee"] = a.Count > 0 ? User(a[0]) : null,
            ["assignees"] = new JsonArray([.. a.Select(User)]),
            ["user"] = User("github-actions[bot]"),
            ["url"] = $"http://fake/issues/{number}",
            ["html_url"] = $"http://fake/issues/{number}",
            ["comments"] = 0,
            ["locked"] = false,
            ["created_at"] = "2026-11-24T00:10:00Z",
            ["updated_at"] = "2026-11-24T00:10:00Z",
        };
    }

    /// <summary>Serialises for assertion messages.</summary>
    public static string Dump(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
}
