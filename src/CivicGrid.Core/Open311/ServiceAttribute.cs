namespace CivicGrid.Open311;

/// <summary>The Open311 datatypes of an attribute (names are part of the specification).</summary>
public enum ServiceAttributeDatatype
{
    String = 1,
    Number = 2,
    Datetime = 3,
    Text = 4,
    SingleValueList = 5,
    MultiValueList = 6,
}

/// <summary>An option of a list attribute: <c>key</c> is sent back, <c>name</c> is shown.</summary>
public sealed class ServiceAttributeValue
{
    public required string Key { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// An extra question a category asks of a public report (占道经营 asks 摊位类型). A category with any
/// attribute is a service with <c>metadata=true</c>; the answers are appended to the case description.
/// </summary>
public sealed class ServiceAttribute
{
    public int Id { get; set; }
    public required string CategoryCode { get; set; }
    public required string Code { get; set; }

    /// <summary>The question shown to the reporter, e.g. 摊位类型.</summary>
    public required string Description { get; set; }

    public ServiceAttributeDatatype Datatype { get; set; }
    public string? DatatypeDescription { get; set; }
    public bool Required { get; set; }

    /// <summary>False for an attribute that only shows information and takes no input.</summary>
    public bool Variable { get; set; } = true;

    public int Order { get; set; }
    public List<ServiceAttributeValue> Values { get; set; } = [];

    public bool IsList => Datatype is ServiceAttributeDatatype.SingleValueList or ServiceAttributeDatatype.MultiValueList;
}

public static class ServiceAttributeDatatypes
{
    public static string Name(ServiceAttributeDatatype datatype) => datatype switch
    {
        ServiceAttributeDatatype.Number => "number",
        ServiceAttributeDatatype.Datetime => "datetime",
        ServiceAttributeDatatype.Text => "text",
        ServiceAttributeDatatype.SingleValueList => "singlevaluelist",
        ServiceAttributeDatatype.MultiValueList => "multivaluelist",
        _ => "string",
    };
}
