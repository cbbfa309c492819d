namespace DisclosureSite.Publishing.Reminders;

/// <summary>
/// The HTTP handler under the GitHub client: every response is read into a buffer of at most
/// <see cref="MaxResponseBytes"/> before the client sees it, so a hostile or broken API cannot make <c>remind</c> hold
/// 100 MB in memory (issue 12, class 8); a larger answer fails as an <see cref="HttpRequestException"/>, an API failure.
/// </summary>
public sealed class BoundedResponses(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>A page of 100 issues with long bodies is well under 1 MB; 4 MB leaves room and stops a flood.</summary>
    public const long MaxResponseBytes = 4 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            response.Dispose();
            throw new HttpRequestException($"the API answered with {response.Content.Headers.ContentLength} bytes (limit {MaxResponseBytes})");
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            response.Dispose();
            throw new HttpRequestException($"the API answered with more than {MaxResponseBytes} bytes (the limit)");
        }

        return response;
    }
}
