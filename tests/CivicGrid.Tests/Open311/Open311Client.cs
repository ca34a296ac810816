using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace CivicGrid.Tests.Open311;

/// <summary>Calls /open311/v2 and checks every answer the way an integrator's client would see it.</summary>
internal sealed class Open311Client(HttpClient http)
{
    public const string Prefix = "/open311/v2/";

    public static readonly string[] ServiceElements = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    public static readonly string[] RequestElements =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    public static readonly string[] AttributeElements = ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"];

    public HttpClient Http => http;

    /// <summary>GET a .json resource; a 2xx is checked against <paramref name="schema"/>, anything else against errors.json.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string path, string schema)
    {
        var response = await http.GetAsync(Prefix + path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await CheckJsonAsync(response, schema));
    }

    public async Task<(HttpStatusCode Status, XElement Root)> GetXmlAsync(string path)
    {
        var response = await http.GetAsync(Prefix + path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await CheckXmlAsync(response));
    }

    public async Task<HttpResponseMessage> PostAsync(string format, IEnumerable<KeyValuePair<string, string>> form) =>
        await http.PostAsync(Prefix + "requests." + format, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostJsonAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        var response = await PostAsync("json", form);
        return (response.StatusCode, await CheckJsonAsync(response, "request-created.json"), response);
    }

    public static async Task<JsonElement> CheckJsonAsync(HttpResponseMessage response, string schema)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        if (response.IsSuccessStatusCode)
        {
            Open311Schemas.AssertValid(schema, body);
        }
        else
        {
            Open311Schemas.AssertValid("errors.json", body);
            Assert.All(body.EnumerateArray(), e => Assert.Equal((int)response.StatusCode, e.GetProperty("code").GetInt32()));
        }

        return body;
    }

    /// <summary>Well-formed UTF-8 XML with the declaration, no namespace; errors as errors/error/(code, description).</summary>
    public static async Task<XElement> CheckXmlAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        var root = XDocument.Parse(text).Root!;
        Assert.All(root.DescendantsAndSelf(), e => Assert.Equal(XNamespace.None, e.Name.Namespace));
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("errors", root.Name.LocalName);
            Assert.NotEmpty(root.Elements());
            Assert.All(root.Elements(), e =>
            {
                Assert.Equal("error", e.Name.LocalName);
                AssertChildren(e, ["code", "description"], ["code", "description"]);
                Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value);
            });
        }

        return root;
    }

    /// <summary>Every child is one of <paramref name="allowed"/> and each of <paramref name="required"/> is there.</summary>
    public static void AssertChildren(XElement element, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var names = element.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.All(names, n => Assert.Contains(n, allowed));
        Assert.All(required, r => Assert.Contains(r, names));
    }

    /// <summary>A wrapper element whose children all have one name, each checked.</summary>
    public static void AssertList(XElement list, string itemName, Action<XElement> check)
    {
        Assert.All(list.Elements(), e =>
        {
            Assert.Equal(itemName, e.Name.LocalName);
            check(e);
        });
    }
}
