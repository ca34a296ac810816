using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace CivicGrid.Web.Open311;

public enum Open311Format
{
    Xml,
    Json,
}

/// <summary>
/// Writes GeoReport v2 answers. Each answer is built once as JSON nodes; the XML is derived from them the way the
/// specification's Spark convention maps the two (a list becomes a wrapper element with one child per item).
/// </summary>
public static class Open311Results
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Element names of list items, by the name of the list.</summary>
    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["errors"] = "error",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
    };

    // Served as application/json, never inside HTML: Chinese text and '+' in offsets stay readable.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Open311Format? ParseFormat(string? text) => text switch
    {
        "xml" => Open311Format.Xml,
        "json" => Open311Format.Json,
        _ => null,
    };

    /// <summary>The format a path asks for (for answers written outside an endpoint); XML, the required format, otherwise.</summary>
    public static Open311Format FormatOfPath(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    public static IResult Document(Open311Format format, string root, JsonNode body, int status = StatusCodes.Status200OK) =>
        format == Open311Format.Json
            ? Results.Text(body.ToJsonString(Json), JsonContentType, Utf8, status)
            : Results.Text(ToXml(root, body), XmlContentType, Utf8, status);

    /// <summary>Errors as the specification has them: a list of {code, description}, code being the HTTP status.</summary>
    public static IResult Errors(Open311Format format, int status, IEnumerable<string> descriptions) =>
        Document(format, "errors", ErrorBody(status, descriptions), status);

    public static JsonArray ErrorBody(int status, IEnumerable<string> descriptions) =>
        new(descriptions.Select(d => (JsonNode)new JsonObject { ["code"] = status, ["description"] = d }).ToArray());

    public static string ToXml(string root, JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Utf8, Indent = true }))
        {
            xml.WriteStartDocument();
            WriteElement(xml, root, body);
            xml.WriteEndDocument();
        }

        return Utf8.GetString(buffer.ToArray());
    }

    private static void WriteElement(XmlWriter xml, string name, JsonNode? node)
    {
        xml.WriteStartElement(name);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    WriteElement(xml, key, value);
                }

                break;
            case JsonArray list:
                var item = ItemNames.GetValueOrDefault(name, "item");
                foreach (var value in list)
                {
                    WriteElement(xml, item, value);
                }

                break;
            case JsonValue value:
                xml.WriteString(XmlSafe(Scalar(value)));
                break;
        }

        xml.WriteEndElement();
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : value.ToJsonString(),
        _ => value.GetValue<string>(),
    };

    /// <summary>Drops characters XML 1.0 cannot carry (control characters a reporter may have pasted).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }
}
