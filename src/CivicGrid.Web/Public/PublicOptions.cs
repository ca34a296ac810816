namespace CivicGrid.Web.Public;

/// <summary>Settings of the residents' pages under <c>CivicGrid:Public</c> (environment: <c>CivicGrid__Public__Xxx</c>).</summary>
public sealed class PublicOptions
{
    public const string Section = "CivicGrid:Public";

    /// <summary>Page views and JSON calls a minute from one address (several phones may share one behind a carrier's NAT).</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Reports, +1s and evaluations an hour from one address.</summary>
    public int SubmissionsPerHour { get; set; } = 30;

    /// <summary>Reports and +1s a day with one phone number.</summary>
    public int SubmissionsPerPhonePerDay { get; set; } = 10;

    /// <summary>Photos one report may carry.</summary>
    public int MaxPhotos { get; set; } = 3;
}
