using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Yishi.IntegrationTests.Infrastructure;

public static class Http
{
    /// <summary>Asserts the status and, for errors, that the body is a ProblemDetails; returns the parsed body.</summary>
    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        if (text.Length == 0) return default;
        var json = JsonDocument.Parse(text).RootElement.Clone();
        if ((int)status >= 400 && (int)status != 401)
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return json;
    }

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);
}
