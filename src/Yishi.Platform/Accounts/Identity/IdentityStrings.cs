namespace Yishi.Platform.Accounts.Identity;

/// <summary>Marker for the resident-identity strings: registration codes, household links, uniform sign-in (IdentityStrings.resx = zh-CN, .en = English).</summary>
public sealed class IdentityStrings;
