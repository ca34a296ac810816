namespace CivicGrid.Cases.Intake;

/// <summary>Where the current report comes from beyond the signed-in account; the web layer supplies the client's address.</summary>
public interface IReportOrigin
{
    string? ClientAddress { get; }
}

/// <summary>Outside a web request (jobs, imports) the origin is unknown.</summary>
public sealed class UnknownReportOrigin : IReportOrigin
{
    public string? ClientAddress => null;
}
