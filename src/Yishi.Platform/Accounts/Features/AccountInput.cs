using Microsoft.AspNetCore.Identity;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Rules;

namespace Yishi.Platform.Accounts.Features;

/// <summary>Field checks shared by account creation, registration and password resets; collects every field's error.</summary>
internal sealed class AccountInput
{
    public const int UserNameMaxLength = 64;
    public const int PasswordMaxLength = 128;

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public void Fail(string field, string key) => _errors.TryAdd(field, key);

    public string? Text(string? value, string field, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) Fail(field, "Field_Required");
            return null;
        }
        if (trimmed.Length > maxLength) { Fail(field, "Field_TooLong"); return null; }
        return trimmed;
    }

    /// <summary>An official's user name: Chinese allowed; no spaces or control characters; not all digits (those are residents' phones).</summary>
    public string? UserName(string? value, string field = "UserName")
    {
        var name = Text(value, field, UserNameMaxLength);
        if (name is null) return null;
        if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '@')) { Fail(field, "Account_UserNameChars"); return null; }
        if (name.All(char.IsAsciiDigit)) { Fail(field, "Account_UserNameDigits"); return null; }
        return name;
    }

    public string? Phone(string? value, string field, bool required)
    {
        try
        {
            return required ? Check.RequiredPhone(value, field) : Check.OptionalPhone(value, field);
        }
        catch (InputInvalid e)
        {
            foreach (var (f, k) in e.Fields) Fail(f, k);
            return null;
        }
    }

    /// <summary>Runs Identity's password validators (the three-class policy) so the message lands by the field.</summary>
    public async Task<string?> PasswordAsync(UserManager<YishiUser> users, YishiUser user, string? password, string field = "Password")
    {
        if (string.IsNullOrEmpty(password)) { Fail(field, "Field_Required"); return null; }
        if (password.Length > PasswordMaxLength) { Fail(field, "Field_TooLong"); return null; }
        foreach (var validator in users.PasswordValidators)
        {
            if ((await validator.ValidateAsync(users, user, password)).Succeeded) continue;
            Fail(field, "Password_Policy");
            return null;
        }
        return password;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new InputInvalid(_errors, typeof(AccountsStrings));
    }

    /// <summary>Turns a failed Identity result into Yishi errors: taken names are 409, the rest 400 by their field.</summary>
    public static void ThrowIfFailed(IdentityResult result, string userNameField = "UserName", string passwordField = "Password")
    {
        if (result.Succeeded) return;
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
            throw new RuleViolation("account.user_name_taken", userNameField == "Phone" ? "Register_PhoneTaken" : "Account_UserNameTaken", userNameField, typeof(AccountsStrings));
        if (codes.Any(c => c.StartsWith("Password", StringComparison.Ordinal)))
            throw new InputInvalid(passwordField, "Password_Policy", typeof(AccountsStrings));
        if (codes.Contains(nameof(IdentityErrorDescriber.InvalidUserName)))
            throw new InputInvalid(userNameField, "Account_UserNameChars", typeof(AccountsStrings));
        throw new RuleViolation("account.rejected", "Account_Rejected", null, typeof(AccountsStrings), 422);
    }
}
