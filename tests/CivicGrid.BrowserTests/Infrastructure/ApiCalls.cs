using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>Setting up what a browser test starts from through the HTTP API (bearer tokens of the demo accounts).</summary>
internal static class ApiCalls
{
    public static async Task<JsonElement> SendAsync(HttpClient http, string token, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = ConsolePages.Password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString()!;
    }
}
