using System.Text.Json;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Standards;

internal static class StandardsTestData
{
    public const string OwnTown = "110199001";
    public const string OtherTown = "110199002";

    public static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    public static Task<HttpResponseMessage> Upload(HttpClient client, string url, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "导入.xlsx" } };
        return client.PostAsync(new Uri(url, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    public static List<string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("where").GetString() + "：" + e.GetProperty("message").GetString()).ToList();

    /// <summary>The first active point of a category in a region, as the admin sees it.</summary>
    public static async Task<JsonElement> FirstPointAsync(CivicGridApp app, string categoryCode, string regionCode)
    {
        var admin = await app.ClientAs("admin");
        var page = await admin.GetJson($"/api/v1/points?categoryCode={categoryCode}&regionCode={regionCode}&pageSize=1");
        Assert.True(page.GetProperty("total").GetInt32() > 0, $"{regionCode} 没有 {categoryCode} 类点位");
        return page.GetProperty("items")[0];
    }
}
