using CivicGrid.Cases.Intake;

namespace CivicGrid.Web.Cases;

/// <summary>The requesting client's address, for recognizing an anonymous report sent twice.</summary>
public sealed class HttpReportOrigin(IHttpContextAccessor http) : IReportOrigin
{
    public string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
