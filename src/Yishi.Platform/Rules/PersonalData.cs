namespace Yishi.Platform.Rules;

/// <summary>Masking for personal data shown in lists and public pages (PIPL).</summary>
public static class PersonalData
{
    /// <summary>13812348000 → 138****8000.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        if (phone.Length < 7) return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4));
    }

    /// <summary>张伟华 → 张*华, 张伟 → 张*, 欧阳娜娜 → 欧**娜.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        if (name.Length == 1) return name;
        if (name.Length == 2) return name[0] + "*";
        return name[0] + new string('*', name.Length - 2) + name[^1];
    }
}
