using System.Text.Json.Nodes;
using CivicGrid.Open311;

namespace CivicGrid.Web.Open311;

/// <summary>The GeoReport v2 shapes (field names and order as in the specification) of the module's views.</summary>
public static class Open311Documents
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static JsonObject Discovery(string url, DateTimeOffset changeset, string contact, string keyService) => new()
    {
        ["changeset"] = Open311Time.Format(changeset),
        ["contact"] = contact,
        ["key_service"] = keyService,
        ["endpoints"] = new JsonArray(new JsonObject
        {
            ["specification"] = Specification,
            ["url"] = url,
            ["changeset"] = Open311Time.Format(changeset),
            ["type"] = "production",
            ["formats"] = new JsonArray("text/xml", "application/json"),
        }),
    };

    public static JsonArray Services(IEnumerable<ServiceView> services) => new(services.Select(s => (JsonNode)new JsonObject
    {
        ["service_code"] = s.ServiceCode,
        ["service_name"] = s.ServiceName,
        ["description"] = s.Description,
        ["metadata"] = s.Metadata,
        ["type"] = s.Type,
        ["keywords"] = s.Keywords,
        ["group"] = s.Group,
    }).ToArray());

    public static JsonObject Definition(ServiceDefinitionView d) => new()
    {
        ["service_code"] = d.ServiceCode,
        ["attributes"] = new JsonArray(d.Attributes.Select(a =>
        {
            var node = new JsonObject
            {
                ["variable"] = a.Variable,
                ["code"] = a.Code,
                ["datatype"] = a.Datatype,
                ["required"] = a.Required,
                ["datatype_description"] = a.DatatypeDescription,
                ["order"] = a.Order,
                ["description"] = a.Description,
            };
            if (a.Values.Count > 0)
            {
                node["values"] = new JsonArray(a.Values.Select(v => (JsonNode)new JsonObject { ["key"] = v.Key, ["name"] = v.Name }).ToArray());
            }

            return (JsonNode)node;
        }).ToArray()),
    };

    public static JsonArray Requests(IEnumerable<ServiceRequestView> requests) => new(requests.Select(r => (JsonNode)new JsonObject
    {
        ["service_request_id"] = r.ServiceRequestId,
        ["status"] = r.Status,
        ["status_notes"] = r.StatusNotes,
        ["service_name"] = r.ServiceName,
        ["service_code"] = r.ServiceCode,
        ["description"] = r.Description,
        ["agency_responsible"] = r.AgencyResponsible,
        ["service_notice"] = r.ServiceNotice,
        ["requested_datetime"] = Open311Time.Format(r.RequestedAt),
        ["updated_datetime"] = Open311Time.Format(r.UpdatedAt),
        ["expected_datetime"] = r.ExpectedAt is { } e ? Open311Time.Format(e) : null,
        ["address"] = r.Address,
        ["address_id"] = null,
        ["zipcode"] = null,
        ["lat"] = r.Lat,
        ["long"] = r.Long,
        ["media_url"] = r.MediaUrl,
    }).ToArray());

    /// <summary>The answer to POST requests: realtime, so the id and no token (the specification returns one or the other).</summary>
    public static JsonArray Submitted(SubmittedServiceRequest s) => new(new JsonObject
    {
        ["service_request_id"] = s.ServiceRequestId,
        ["service_notice"] = s.ServiceNotice,
        ["account_id"] = null,
    });

    public static JsonArray Token(TokenView t) => new(new JsonObject
    {
        ["service_request_id"] = t.ServiceRequestId,
        ["token"] = t.Token,
    });
}
