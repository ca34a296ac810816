namespace CivicGrid.Platform;

/// <summary>Masks personal data wherever the full value is not needed (手机号 138****1234, 身份证 1101**********1234).</summary>
public static class PersonalData
{
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return phone;
        }

        var p = phone.Trim();
        if (p.Length == 11 && p.All(char.IsAsciiDigit))
        {
            return p[..3] + "****" + p[7..];
        }

        // Other numbers (010-69990000 → 010-****0000): keep the area code and the last four digits.
        return p.Length >= 8 ? p[..(p.Length - 8)] + "****" + p[^4..] : "****";
    }

    public static string? MaskIdNumber(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return id;
        }

        var s = id.Trim();
        return s.Length <= 8 ? new string('*', s.Length) : s[..4] + new string('*', s.Length - 8) + s[^4..];
    }

    public static bool IsMobile(string? phone) =>
        phone is { Length: 11 } && phone[0] == '1' && phone.All(char.IsAsciiDigit);

    /// <summary>Accepts a mainland mobile (11 digits) or a landline such as 010-69990000.</summary>
    public static bool IsPhone(string? phone) =>
        phone is not null && (IsMobile(phone) || System.Text.RegularExpressions.Regex.IsMatch(phone, @"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$"));
}
