using System.Text.RegularExpressions;

namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>Posts a page's form the way a browser does: GET the page, take its antiforgery token, POST the fields.</summary>
internal static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields, bool withToken = true)
    {
        var page = await client.GetStringAsync(path);
        var content = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withToken)
        {
            content["__RequestVerificationToken"] = Token(page);
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(content));
    }

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The messages shown at a field (<c>data-field</c>) in a page.</summary>
    public static string? FieldError(string html, string field) =>
        Regex.Match(html, $"<span class=\"field-error\" data-field=\"{Regex.Escape(field)}\">([^<]*)</span>") is { Success: true } m
            ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
