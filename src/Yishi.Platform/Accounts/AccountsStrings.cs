namespace Yishi.Platform.Accounts;

/// <summary>Marker for the Accounts strings (AccountsStrings.resx = zh-CN, AccountsStrings.en.resx = English).</summary>
public sealed class AccountsStrings;
