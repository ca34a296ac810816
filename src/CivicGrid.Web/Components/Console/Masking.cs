namespace CivicGrid.Web.Components.Console;

/// <summary>Personal data as lists show it.</summary>
public static class Masking
{
    /// <summary>A mobile number as 138****1234; other numbers keep their first 3 and last 4 characters.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "—";
        }

        var p = phone.Trim();
        return p.Length <= 7 ? new string('*', p.Length) : p[..3] + "****" + p[^4..];
    }
}
